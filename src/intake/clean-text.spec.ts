import { cleanText } from './clean-text';

describe(cleanText.name, () => {
  it('removes NUL and other control characters but keeps line breaks, tabs and letters', () => {
    expect(cleanText('Bussen\u0000 kom\u0007 inte\r\n\tåäö 💥')).toBe(
      'Bussen kom inte\r\n\tåäö 💥',
    );
  });
});
