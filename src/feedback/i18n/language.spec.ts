import { pickLanguage } from './language';

describe(pickLanguage.name, () => {
  it.each<[unknown, string | undefined, string]>([
    [undefined, undefined, 'sv'],
    ['en', undefined, 'en'],
    ['en', 'sv-SE,sv;q=0.9', 'en'],
    ['sv', 'en-GB,en;q=0.9', 'sv'],
    ['de', 'en-GB,en;q=0.9', 'en'],
    [undefined, 'en-GB,en;q=0.9', 'en'],
    [undefined, 'sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    [undefined, 'de-DE,de;q=0.9,en;q=0.5,sv;q=0.4', 'en'],
    [undefined, 'en;q=0.2,sv;q=0.8', 'sv'],
    [undefined, 'fr, de', 'sv'],
    [undefined, 'en;q=0', 'sv'],
    [['en'], undefined, 'sv'],
  ])('picks for ?lang=%p and Accept-Language %p: %s', (requested, header, expected) => {
    expect(pickLanguage(requested, header)).toBe(expected);
  });
});
