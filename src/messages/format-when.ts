import type { Language } from './message-kinds';

/** An instant as read on a wall clock in a zone. */
interface LocalMoment {
  year: number;
  month: number;
  day: number;
  /** Two digits, 00–23. */
  hour: string;
  /** Two digits. */
  minute: string;
  /** Days since 1970-01-01 of the local calendar date: differences count calendar days. */
  dayNumber: number;
}

const DAY_MS = 86_400_000;

// Building an Intl formatter costs far more than using one; a process sees few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

function localMoment(at: Date, timeZone: string): LocalMoment {
  const parts = formatter('en-US', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    // h23, not hour12: false, which some ICU versions render as "24" at midnight.
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const year = Number(part('year'));
  const month = Number(part('month'));
  const day = Number(part('day'));
  return {
    year,
    month,
    day,
    hour: part('hour').padStart(2, '0'),
    minute: part('minute').padStart(2, '0'),
    dayNumber: Date.UTC(year, month - 1, day) / DAY_MS,
  };
}

function weekdayName(at: Date, language: Language, timeZone: string): string {
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  return formatter(locale, timeZone, { weekday: 'long' }).format(at);
}

function monthName(at: Date, language: Language, timeZone: string, style: 'long' | 'short') {
  // en-GB abbreviates September as "Sept"; en-US keeps every short name at three letters.
  const locale = language === 'sv' ? 'sv-SE' : style === 'short' ? 'en-US' : 'en-GB';
  return formatter(locale, timeZone, { month: style }).format(at);
}

/**
 * When a person will answer, for the traveller, in the zone's local time: "i dag kl. 14:00",
 * "i morgon kl. 08:00", "på måndag kl. 08:00" within the coming week, else "den 7 januari
 * kl. 08:00" (en: "today at 14:00", "tomorrow at 08:00", "on Monday at 08:00", "on 7 January
 * at 08:00"). The year is added only when it is not the current one. Days are local
 * calendar days, so "tomorrow" stays right across midnight and daylight-saving changes.
 */
export function formatAnswerBy(at: Date, now: Date, language: Language, timeZone: string): string {
  const local = localMoment(at, timeZone);
  const current = localMoment(now, timeZone);
  const time = `${local.hour}:${local.minute}`;
  const days = local.dayNumber - current.dayNumber;
  const year = local.year === current.year ? '' : ` ${local.year}`;
  switch (language) {
    case 'sv':
      if (days === 0) return `i dag kl. ${time}`;
      if (days === 1) return `i morgon kl. ${time}`;
      if (days > 1 && days < 7) return `på ${weekdayName(at, language, timeZone)} kl. ${time}`;
      return `den ${local.day} ${monthName(at, language, timeZone, 'long')}${year} kl. ${time}`;
    case 'en':
      if (days === 0) return `today at ${time}`;
      if (days === 1) return `tomorrow at ${time}`;
      if (days > 1 && days < 7) return `on ${weekdayName(at, language, timeZone)} at ${time}`;
      return `on ${local.day} ${monthName(at, language, timeZone, 'long')}${year} at ${time}`;
  }
}

/** A date and time for staff, in the zone's local time: sv "2026-11-24 08:00", en "24 Nov 2026 08:00". */
export function formatLocalDateTime(at: Date, language: Language, timeZone: string): string {
  const local = localMoment(at, timeZone);
  const time = `${local.hour}:${local.minute}`;
  switch (language) {
    case 'sv': {
      const month = String(local.month).padStart(2, '0');
      const day = String(local.day).padStart(2, '0');
      return `${local.year}-${month}-${day} ${time}`;
    }
    case 'en':
      return `${local.day} ${monthName(at, language, timeZone, 'short')} ${local.year} ${time}`;
  }
}
