import type { Language } from '../cases/case.model';

export type SmsKeyword = 'stop' | 'start' | 'help';

// The carriers' and Twilio's standard words, with their Swedish counterparts.
const KEYWORDS: Record<string, { keyword: SmsKeyword; language: Language }> = {
  stop: { keyword: 'stop', language: 'en' },
  stopall: { keyword: 'stop', language: 'en' },
  unsubscribe: { keyword: 'stop', language: 'en' },
  cancel: { keyword: 'stop', language: 'en' },
  end: { keyword: 'stop', language: 'en' },
  quit: { keyword: 'stop', language: 'en' },
  stopp: { keyword: 'stop', language: 'sv' },
  avsluta: { keyword: 'stop', language: 'sv' },
  avbryt: { keyword: 'stop', language: 'sv' },
  start: { keyword: 'start', language: 'en' },
  unstop: { keyword: 'start', language: 'en' },
  yes: { keyword: 'start', language: 'en' },
  starta: { keyword: 'start', language: 'sv' },
  help: { keyword: 'help', language: 'en' },
  info: { keyword: 'help', language: 'en' },
  hjälp: { keyword: 'help', language: 'sv' },
  hjalp: { keyword: 'help', language: 'sv' },
};

/** A message that is only a keyword (STOP, START, HELP, in Swedish or English), or null. */
export function smsKeyword(text: string): { keyword: SmsKeyword; language: Language } | null {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!?\s]+$/u, '');
  return KEYWORDS[word] ?? null;
}

/** A rough guess of a free text's language: Swedish unless it reads as English. */
export function guessLanguage(text: string): Language {
  if (/[åäö]/i.test(text)) return 'sv';
  const english =
    text.match(/\b(the|was|is|bus|train|late|driver|never|came|please|thanks?|my|and)\b/gi)
      ?.length ?? 0;
  const swedish =
    text.match(/\b(och|inte|är|var|bussen|tåget|jag|att|kom|sen|tack|förare)\b/gi)?.length ?? 0;
  return english > swedish ? 'en' : 'sv';
}

export const KEYWORD_REPLIES: Record<Exclude<SmsKeyword, 'stop'>, Record<Language, string>> = {
  start: {
    sv: 'Du får SMS från kundtjänsten igen. Svara STOPP för att sluta.',
    en: 'You will receive SMS from customer service again. Reply STOP to stop.',
  },
  help: {
    sv: 'Kundtjänst kollektivtrafik: skriv vad som hänt, gärna linje och tid, så får du ett ärendenummer. Svara STOPP för att inte få fler SMS.',
    en: 'Public transport customer service: tell us what happened, with line and time if you can, and you will get a case number. Reply STOP to get no more SMS.',
  },
};
