/**
 * Office hours of one party (the authority, an operator) as stored: plain JSON data.
 *
 * Times are local wall-clock times `HH:MM` in the calendar's zone.
 * - `start` is 00:00–23:59; `end` is 00:00–24:00.
 * - `end <= start` means the interval runs past midnight (22:00–02:00). `start == end` is
 *   refused as an empty interval: a whole day is written 00:00–24:00.
 * - An interval belongs to the day it starts on: a Friday 22:00–02:00 shift is Friday's,
 *   so Friday's holidays, half days and exceptions decide it, not Saturday's.
 */
export interface OpeningInterval {
  start: string;
  end: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const HOLIDAY_SETS = ['SE', 'none'] as const;
export type HolidaySet = (typeof HOLIDAY_SETS)[number];

/**
 * What closes all day: `public` = the public holidays (röda dagar); `eves` = the de facto
 * closed days midsommarafton, julafton and nyårsafton.
 */
export const HOLIDAY_CLOSURES = ['public', 'eves'] as const;
export type HolidayClosure = (typeof HOLIDAY_CLOSURES)[number];
export const DEFAULT_HOLIDAY_CLOSURES: readonly HolidayClosure[] = ['public', 'eves'];

/**
 * A day that closes early. `holiday` is a holiday name as `date-holidays` spells it for
 * Sweden (`trettondagsafton`, `valborgsmässoafton`, `allhelgonaafton`) or a fixed date `MM-DD`.
 * Intervals that day are cut at `closesAt`. A day closed all day stays closed.
 */
export interface HalfDay {
  holiday: string;
  closesAt: string;
}

export interface HolidayRules {
  set: HolidaySet;
  /** Defaults to `['public', 'eves']`; `[]` keeps the weekly hours on holidays. */
  closeOn?: HolidayClosure[];
  halfDays?: HalfDay[];
}

/** A dated exception; it replaces everything else for that day, holidays included. */
export type CalendarException =
  { date: string; closed: true } | { date: string; intervals: OpeningInterval[] };

export interface CalendarDefinition {
  /** IANA zone, e.g. `Europe/Stockholm`. */
  timeZone: string;
  /** Several intervals a day allowed; `[]` is a closed day. */
  weekly: Record<Weekday, OpeningInterval[]>;
  holidays: HolidayRules;
  exceptions: CalendarException[];
}

/** One thing wrong with a definition, e.g. `{ path: 'weekly.mon[1]', reason: '…' }`. */
export interface CalendarIssue {
  path: string;
  reason: string;
}

/** A response time. `days` must be a whole number; hours and minutes may be fractional. */
export interface BusinessDuration {
  days?: number;
  hours?: number;
  minutes?: number;
}

/** A span when the clock is stopped (e.g. waiting for the traveller); open-ended if no `to`. */
export interface Pause {
  from: Date;
  to?: Date;
}

/** An interval as minutes from the local midnight of the day that owns it; end ≤ 48 h. */
export interface MinuteInterval {
  start: number;
  end: number;
}

/**
 * A validated definition, parsed for fast lookups. Build it with `compileCalendar` once per
 * definition and pass it to the operations; it is immutable and safe to cache.
 */
export interface BusinessCalendar {
  readonly definition: CalendarDefinition;
  readonly timeZone: string;
  /** Indexed by ISO weekday − 1 (0 = Monday); each list sorted by start. */
  readonly weekly: readonly (readonly MinuteInterval[])[];
  /** Local day number → that day's intervals (empty = closed). */
  readonly exceptions: ReadonlyMap<number, readonly MinuteInterval[]>;
  readonly swedishHolidays: boolean;
  readonly closeOn: ReadonlySet<HolidayClosure>;
  /** Holiday name → closing minute. */
  readonly halfDaysByName: ReadonlyMap<string, number>;
  /** `MM-DD` → closing minute. */
  readonly halfDaysByDate: ReadonlyMap<string, number>;
}
