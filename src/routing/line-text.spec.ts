import { normaliseFreeText, parseLineHints, parseLineText } from './line-text';

describe(parseLineText.name, () => {
  it.each([
    ['4', '4'],
    ['linje 4', '4'],
    ['Line 4', '4'],
    ['nr 4', '4'],
    ['#4', '4'],
    ['4:an', '4'],
    ['4an', '4'],
    ['801:an', '801'],
    ['Linje 4:an', '4'],
    ['L4', '4'],
    ['linje nr. 4', '4'],
    ['  LINJE   4 . ', '4'],
    ['150X', '150x'],
    ['fyran', '4'],
  ])('reads %j as line %j with no mode', (text, key) => {
    const parsed = parseLineText(text);
    expect(parsed.key).toBe(key);
    expect(parsed.mode).toBeUndefined();
  });

  it.each([
    ['buss 4', '4', 'bus'],
    ['Bussen 4', '4', 'bus'],
    ['busslinje 4', '4', 'bus'],
    ['bus 4', '4', 'bus'],
    ['bussen linje 4:an!', '4', 'bus'],
    ['buss4', '4', 'bus'],
    ['tåg 51', '51', 'rail'],
    ['tåget 51', '51', 'rail'],
    ['pendeltåg 41', '41', 'rail'],
    ['train 51', '51', 'rail'],
    ['spårvagn 7', '7', 'tram'],
    ['tram 7', '7', 'tram'],
    ['tunnelbana 17', '17', 'metro'],
    ['metro 17', '17', 'metro'],
    ['färjan 1', '1', 'ferry'],
    ['båt 82', '82', 'ferry'],
    ['ferry 82', '82', 'ferry'],
    ['taxi 717', '717', 'taxi'],
  ])('reads %j as line %j by %s', (text, key, mode) => {
    expect(parseLineText(text)).toEqual({ key, mode, alias: normaliseFreeText(text) });
  });

  it('keeps a hyphenated name such as "SL-tåg" whole, as the route short name it is', () => {
    expect(parseLineText('SL-tåg')).toEqual({ key: 'sl-tåg', alias: 'sl-tåg' });
  });

  it.each(['Röd linje', 'Upptåget', 'Gottsunda–Centrum'])(
    'gives free text %j no key but its lowercased text as alias',
    (text) => {
      expect(parseLineText(text)).toEqual({ key: null, alias: text.toLowerCase() });
    },
  );

  it('finds the line in a longer text, after a line word or at the start', () => {
    expect(parseLineText('Linje 4 mot Gottsunda').key).toBe('4');
    expect(parseLineText('4 mot Gottsunda').key).toBe('4');
  });

  it('gives no key for empty or blank text', () => {
    expect(parseLineText('')).toEqual({ key: null });
    expect(parseLineText('  ')).toEqual({ key: null });
  });
});

describe(parseLineHints.name, () => {
  it.each([
    ['Bussen linje 4 var sen', ['4']],
    ['tåg 51 inställt', ['51']],
    ['buss 801 kom aldrig', ['801']],
    ['801:an var full', ['801']],
    ['Spårvagn 7 och buss 4, sen buss 4 igen', ['7', '4']],
    ['bussen nr 12 och 4an', ['12', '4']],
  ])('finds the lines in %j', (text, keys) => {
    expect(parseLineHints(text)).toEqual(keys);
  });

  it.each([
    'kom 10 min sent',
    'bussen 10 min sen',
    'tåget 10:42 var inställt',
    'biljetten kostade 40 kr',
    'Upptåget var sent',
    'Röd linje',
  ])('takes no bare number, duration, price or clock time in %j for a line', (text) => {
    expect(parseLineHints(text)).toEqual([]);
  });
});

describe(normaliseFreeText.name, () => {
  it('lowercases, collapses whitespace and keeps å, ä and ö as letters', () => {
    expect(normaliseFreeText('  Uppsala   Resecentrum, Läge Ö  ')).toBe(
      'uppsala resecentrum, läge ö',
    );
  });
});
