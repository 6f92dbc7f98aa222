import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A mobile or landline number as E.164, with Sweden assumed when no country is given; null if not a number. */
export function toE164(input: string, defaultCountry: 'SE' = 'SE'): string | null {
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
