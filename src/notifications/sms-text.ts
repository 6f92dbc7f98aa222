/**
 * SMS segment arithmetic: GSM-7 fits 160 characters in one message (153 per part when
 * split); anything outside GSM-7 (emoji, some accents) forces UCS-2: 70, or 67 per part.
 * Swedish å, ä, ö, Å, Ä, Ö and É are in GSM-7.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€';

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Length in encoding units (extended GSM-7 characters count twice). */
  units: number;
}

export function smsSegments(text: string): SmsSegments {
  let units = 0;
  for (const character of text) {
    if (GSM7_BASIC.includes(character)) units += 1;
    else if (GSM7_EXTENDED.includes(character)) units += 2;
    else {
      const ucs2Units = [...text].reduce((sum, c) => sum + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0);
      return {
        encoding: 'UCS-2',
        units: ucs2Units,
        segments: ucs2Units <= 70 ? 1 : Math.ceil(ucs2Units / 67),
      };
    }
  }
  return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
}

/** Cuts a text to at most `maxSegments`, ending with "..." (GSM-7, unlike …), so a long reply cannot cost without bound. */
export function capSms(text: string, maxSegments = 3): string {
  if (smsSegments(text).segments <= maxSegments) return text;
  let characters = [...text];
  while (characters.length > 0 && smsSegments(`${characters.join('')}...`).segments > maxSegments) {
    characters = characters.slice(
      0,
      Math.max(0, characters.length - Math.max(1, Math.floor(characters.length / 20))),
    );
  }
  return `${characters.join('').trimEnd()}...`;
}
