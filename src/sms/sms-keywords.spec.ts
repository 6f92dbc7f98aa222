import { guessLanguage, smsKeyword } from './sms-keywords';

describe(smsKeyword.name, () => {
  it.each([
    ['STOP', 'stop', 'en'],
    ['stopp', 'stop', 'sv'],
    [' Avsluta. ', 'stop', 'sv'],
    ['START', 'start', 'en'],
    ['Starta', 'start', 'sv'],
    ['HELP', 'help', 'en'],
    ['hjälp!', 'help', 'sv'],
    ['INFO', 'help', 'en'],
  ])('reads %j as %s (%s)', (text, keyword, language) => {
    expect(smsKeyword(text)).toEqual({ keyword, language });
  });

  it('does not take a keyword inside a longer message', () => {
    expect(smsKeyword('Bussen stannade inte vid STOP-skylten')).toBeNull();
    expect(smsKeyword('stop the bus please')).toBeNull();
  });
});

describe(guessLanguage.name, () => {
  it('reads Swedish by default and English when the words say so', () => {
    expect(guessLanguage('Bussen kom aldrig')).toBe('sv');
    expect(guessLanguage('Linje 4 var sen')).toBe('sv');
    expect(guessLanguage('The bus never came and the driver was rude')).toBe('en');
    expect(guessLanguage('801')).toBe('sv');
  });
});
