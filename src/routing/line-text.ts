import type { TrafficMode } from './routing.model';

/** What a traveller's line text says, ready for look-up in the feed. */
export interface ParsedLine {
  /** The line as a lowercased key ("4", "801", "150x", "sl-tåg"); null when the text names no line. */
  key: string | null;
  /** The mode the text names ("bussen 4" → bus), if any. */
  mode?: TrafficMode;
  /** The whole text, normalised (see `normaliseFreeText`), for alias and long-name look-up. */
  alias?: string;
}

/** Words that name a mode; compounds like "busslinje" also work as the word "linje". */
const MODE_WORDS: Readonly<Record<string, TrafficMode>> = {
  buss: 'bus',
  bussen: 'bus',
  busslinje: 'bus',
  busslinjen: 'bus',
  stadsbuss: 'bus',
  stadsbussen: 'bus',
  regionbuss: 'bus',
  regionbussen: 'bus',
  bus: 'bus',
  tåg: 'rail',
  tåget: 'rail',
  taget: 'rail',
  pendeltåg: 'rail',
  pendeltåget: 'rail',
  pendeln: 'rail',
  train: 'rail',
  spårvagn: 'tram',
  spårvagnen: 'tram',
  spårvagnslinje: 'tram',
  sparvagn: 'tram',
  sparvagnen: 'tram',
  tram: 'tram',
  tunnelbana: 'metro',
  tunnelbanan: 'metro',
  metro: 'metro',
  färja: 'ferry',
  färjan: 'ferry',
  farja: 'ferry',
  farjan: 'ferry',
  båt: 'ferry',
  båten: 'ferry',
  båtlinje: 'ferry',
  ferry: 'ferry',
  taxi: 'taxi',
};

/** How Swedes say a line as a noun ("jag tog fyran"); only the line field reads these. */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  ettan: '1',
  tvåan: '2',
  trean: '3',
  fyran: '4',
  femman: '5',
  sexan: '6',
  sjuan: '7',
  åttan: '8',
  nian: '9',
  tian: '10',
  elvan: '11',
  tolvan: '12',
};

function alternation(words: readonly string[]): string {
  // Longest first, so "bussen" wins over "buss" in unanchored scans.
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

const MODE = `(${alternation(Object.keys(MODE_WORDS))})`;
const LINE_WORD = '(?:linjen|linje|line|nummer|number|nr)';
// A word must be followed by a separator or go straight into the number ("buss4", "nr#4").
const THEN = '(?:[\\s:.-]+|(?=[#\\d]))';
/** "4", "801", "150x", "x4": up to two letters glued before the digits, one after. */
const KEY = '(?:[a-zåäö]{1,2})?\\d{1,4}[a-zåäö]?';
/** "4:an", "4an", "3:en". */
const ORDINAL = '(?:\\s?:\\s?(?:an|en)|an)?';
const NOT_IN_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_IN_WORD_AFTER = '(?![\\p{L}\\p{N}])';
// "bussen 10 min sen", "tåget 10:42": a number that is a duration, price or clock time is no line.
const NOT_A_QUANTITY =
  '(?!\\s*(?:min|mins|minuter|minuters|minutes|sek|sekunder|tim|timme|timmar|kr|kronor|km|meter|st|pers|personer|%)(?![\\p{L}]))(?![:.]\\d)';

const WHOLE_LINE_TEXT = new RegExp(
  `^(?:${MODE}${THEN})?(?:${LINE_WORD}${THEN})*(?:l(?=\\d))?#?\\s*(?:(${KEY})${ORDINAL}|(${alternation(Object.keys(NUMBER_WORDS))}))$`,
  'u',
);
const LEADING_KEY = new RegExp(`^#?(${KEY})${ORDINAL}${NOT_IN_WORD_AFTER}`, 'u');
/** "SL-tåg", "X-tåget": a hyphenated name is a route short name in its own right. */
const HYPHENATED_NAME = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;
const LINE_MENTION = new RegExp(
  `${NOT_IN_WORD_BEFORE}(?:(?:${MODE}${THEN}(?:${LINE_WORD}${THEN})*|(?:${LINE_WORD}${THEN})+)#?\\s*(${KEY})|(\\d{1,4}[a-zåäö]?)(?:\\s?:\\s?)?an)${ORDINAL}${NOT_IN_WORD_AFTER}${NOT_A_QUANTITY}`,
  'gu',
);
const EDGE_PUNCTUATION = /^[\s"'“”«»().,;:!?]+|[\s"'“”«»().,;:!?]+$/gu;

/** Lowercased, NFC, whitespace collapsed, surrounding quotes and punctuation dropped; å/ä/ö kept. */
export function normaliseFreeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
}

interface LineMention {
  key: string;
  mode?: TrafficMode;
}

function modeOfWord(word: string | undefined): TrafficMode | undefined {
  return word === undefined ? undefined : MODE_WORDS[word];
}

/** Leaves `mode` out rather than undefined, so results compare cleanly. */
function withMode<T extends object>(
  parsed: T,
  mode: TrafficMode | undefined,
): T & { mode?: TrafficMode } {
  return mode === undefined ? parsed : { ...parsed, mode };
}

function lineMentions(normalised: string): LineMention[] {
  const mentions: LineMention[] = [];
  for (const match of normalised.matchAll(LINE_MENTION)) {
    const key = match[2] ?? match[3];
    if (key !== undefined) mentions.push(withMode({ key }, modeOfWord(match[1])));
  }
  return mentions;
}

/** The line a traveller typed in the line field: "linje 4", "bussen 4:an", "tåg 51", "L4", "SL-tåg". */
export function parseLineText(text: string): ParsedLine {
  const alias = normaliseFreeText(text);
  if (alias === '') return { key: null };

  const whole = WHOLE_LINE_TEXT.exec(alias);
  if (whole) {
    const key = whole[2] ?? NUMBER_WORDS[whole[3] ?? ''] ?? null;
    return withMode({ key, alias }, modeOfWord(whole[1]));
  }
  if (HYPHENATED_NAME.test(alias)) return { key: alias, alias };

  // Free text around a line ("linje 4 mot Gottsunda") or a line first ("4 mot Gottsunda").
  const mention = lineMentions(alias)[0];
  if (mention) return withMode({ key: mention.key, alias }, mention.mode);
  const leading = LEADING_KEY.exec(alias);
  return { key: leading?.[1] ?? null, alias };
}

/** Line keys mentioned in a free text (an SMS), in order, once each; bare numbers are not lines. */
export function parseLineHints(text: string): string[] {
  const keys = lineMentions(normaliseFreeText(text)).map((mention) => mention.key);
  return [...new Set(keys)];
}
