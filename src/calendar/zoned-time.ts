/**
 * Time-zone arithmetic on plain numbers, built on `Intl.DateTimeFormat` (no library).
 *
 * Two coordinates are used throughout:
 * - an *instant*: milliseconds since the epoch (UTC), as `Date.getTime()` gives;
 * - a *wall clock*: a local day number (days since 1970-01-01 in the zone's calendar)
 *   plus milliseconds since that local midnight, as the clocks on the office wall show.
 *
 * Wall clocks that do not map to exactly one instant are resolved deliberately:
 * - a local time skipped by a clock change (spring, 02:30 in Stockholm) is read as the
 *   first instant after the gap (03:00 summer time);
 * - a local time that happens twice (autumn, 02:30 in Stockholm) is read as its first
 *   occurrence (02:30 summer time).
 * Both rules keep the mapping from wall clock to instant non-decreasing, so an interval
 * of wall time never turns into a negative span.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A local calendar date; `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Where an instant falls on the wall clock of a zone. */
export interface WallClock {
  /** Local day number: days since 1970-01-01 in the zone's calendar. */
  dayNo: number;
  /** Milliseconds since the local midnight of `dayNo`, 0 ≤ msOfDay < 24 h. */
  msOfDay: number;
}

// ---- civil dates (zone-free) ----

export function dayNumberOf(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function civilDateOf(dayNo: number): CivilDate {
  const d = new Date(dayNo * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(dayNo: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNo + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM-DD` of a local day number. */
export function isoDateOf(dayNo: number): string {
  const { year, month, day } = civilDateOf(dayNo);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The local day number of a `YYYY-MM-DD` string, or null unless it is a real date. */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const dayNo = dayNumberOf(date);
  const back = civilDateOf(dayNo);
  const same = back.year === date.year && back.month === date.month && back.day === date.day;
  return same ? dayNo : null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---- zones ----

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows the IANA zone (it also accepts case variants such as `utc`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// Every zone in use changes its offset on a quarter hour, so an offset found for one
// instant holds for its whole quarter: asking Intl (microseconds a call) once per quarter
// makes calendar arithmetic on the intake path cheap.
const QUARTER_MS = 15 * 60 * 1000;
const OFFSET_CACHE_LIMIT = 50_000;
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in milliseconds (Stockholm: +1 h or +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offset = intlOffsetAt(Math.floor(instant / QUARTER_MS) * QUARTER_MS, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function intlOffsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(wholeSecond));
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const wallAsUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wallAsUtc - wholeSecond;
}

/** The wall clock at an instant. */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const wall = instant + offsetAt(instant, timeZone);
  const dayNo = Math.floor(wall / DAY_MS);
  return { dayNo, msOfDay: wall - dayNo * DAY_MS };
}

/**
 * The instant of a wall clock. `msOfDay` may be negative or reach past 24 h: it simply
 * counts from the local midnight of `dayNo` in wall time (so 26 h is 02:00 the next day).
 * Skipped times resolve to the end of the gap, repeated times to their first occurrence.
 */
export function wallTimeToInstant(dayNo: number, msOfDay: number, timeZone: string): number {
  const wall = dayNo * DAY_MS + msOfDay;
  // Offsets a day either side bracket any single clock change near this wall time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = (offset: number) => offsetAt(wall - offset, timeZone) === offset;

  if (before === after && fits(before)) return wall - before;
  const candidates = [wall - before, wall - after].filter((t) => fits(wall - t));
  if (candidates.length > 0) return Math.min(...candidates);

  // The wall time was skipped: find the instant the clocks jumped.
  return firstInstantWithNewOffset(
    Math.min(wall - before, wall - after),
    Math.max(wall - before, wall - after),
    timeZone,
  );
}

/**
 * Given `low` (old offset) and `high` (new offset), the first whole second with the new
 * offset. Binary search: only reached for skipped wall times, so its ~12 steps are rare.
 */
function firstInstantWithNewOffset(low: number, high: number, timeZone: string): number {
  const oldOffset = offsetAt(low, timeZone);
  let lo = Math.floor(low / 1000);
  let hi = Math.ceil(high / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * 1000, timeZone) === oldOffset) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}
