import { InvalidInputError } from '../infra/errors/app-error';
import type { BusinessCalendar, BusinessDuration, MinuteInterval, Pause } from './calendar.model';
import { instantOf, pauseRanges } from './pause-ranges';
import { SWEDISH_CLOSED_EVES, swedishHolidaysOn } from './swedish-holidays';
import {
  DAY_MS,
  MINUTE_MS,
  isoDateOf,
  isoWeekdayOf,
  wallClockAt,
  wallTimeToInstant,
} from './zoned-time';

/**
 * Business-time arithmetic over a compiled calendar (see `compileCalendar`). Pure: plain
 * data in, instants out. Every operation walks local days in order, so its cost is the
 * number of days spanned times the intervals per day.
 *
 * A day's hours, in order of precedence:
 * 1. a dated exception for that day (closed, or its own intervals), holidays or not;
 * 2. closed all day on a Swedish public holiday (`closeOn: 'public'`) or on
 *    midsommarafton, julafton or nyårsafton (`closeOn: 'eves'`);
 * 3. the weekly intervals, cut at `closesAt` on a configured half day.
 * Intervals are start-inclusive and end-exclusive.
 */

/** Operations give up after this many consecutive closed days: the calendar never opens. */
export const MAX_CLOSED_DAYS = 400;
// No zone is more than 14 h ahead of UTC: used to stop walking days past an instant.
const MAX_OFFSET_MS = 14 * 60 * MINUTE_MS;

/** An open span as instants; `dayNo` is the local day that owns its interval. */
interface Span {
  start: number;
  end: number;
  dayNo: number;
}

/** The intervals that start on a local day, after exceptions, holidays and half days. */
function intervalsOn(cal: BusinessCalendar, dayNo: number): readonly MinuteInterval[] {
  const exception = cal.exceptions.get(dayNo);
  if (exception) return exception;
  const weekly = cal.weekly[isoWeekdayOf(dayNo) - 1];
  const isoDate = isoDateOf(dayNo);
  let closesAt = cal.halfDaysByDate.get(isoDate.slice(5));
  if (cal.swedishHolidays) {
    for (const holiday of swedishHolidaysOn(isoDate)) {
      if (holiday.type === 'public' && cal.closeOn.has('public')) return [];
      if (SWEDISH_CLOSED_EVES.includes(holiday.name) && cal.closeOn.has('eves')) return [];
      const halfDay = cal.halfDaysByName.get(holiday.name);
      if (halfDay !== undefined) closesAt = Math.min(closesAt ?? halfDay, halfDay);
    }
  }
  if (closesAt === undefined) return weekly;
  const cut = closesAt;
  return weekly
    .filter((i) => i.start < cut)
    .map((i) => ({ start: i.start, end: Math.min(i.end, cut) }));
}

function spansOn(cal: BusinessCalendar, dayNo: number): Span[] {
  const spans: Span[] = [];
  for (const interval of intervalsOn(cal, dayNo)) {
    const start = wallTimeToInstant(dayNo, interval.start * MINUTE_MS, cal.timeZone);
    const end = wallTimeToInstant(dayNo, interval.end * MINUTE_MS, cal.timeZone);
    // An interval wholly inside a skipped hour has no instants at all.
    if (end > start) spans.push({ start, end, dayNo });
  }
  return spans;
}

/**
 * Open spans in time order, disjoint, from the local day `fromDay` on. Stops before `until`
 * when given, otherwise after `MAX_CLOSED_DAYS` closed days in a row.
 */
function* spansFrom(cal: BusinessCalendar, fromDay: number, until = Infinity): Generator<Span> {
  let reached = -Infinity;
  let closedDays = 0;
  for (let dayNo = fromDay; ; dayNo++) {
    if (dayNo * DAY_MS - MAX_OFFSET_MS >= until) return;
    const spans = spansOn(cal, dayNo);
    if (spans.length === 0) {
      if (++closedDays > MAX_CLOSED_DAYS && until === Infinity) return;
      continue;
    }
    closedDays = 0;
    for (const span of spans) {
      if (span.start >= until) return;
      // Valid definitions never overlap; clipping keeps a sloppy exception from counting twice.
      if (span.end <= reached) continue;
      yield { ...span, start: Math.max(span.start, reached) };
      reached = span.end;
    }
  }
}

function neverOpens(): InvalidInputError {
  return new InvalidInputError(
    'calendar.never-opens',
    `The calendar has no opening within ${MAX_CLOSED_DAYS} days`,
  );
}

/** The first span that is still open at or after `from` (its start clipped to `from`). */
function firstSpanFrom(cal: BusinessCalendar, from: number): Span | null {
  // Start a day early: yesterday's interval may run past midnight.
  const today = wallClockAt(from, cal.timeZone).dayNo;
  for (const span of spansFrom(cal, today - 1)) {
    if (span.end > from) return { ...span, start: Math.max(span.start, from) };
  }
  return null;
}

/** Whether the calendar is open at an instant (interval start inclusive, end exclusive). */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const t = instantOf(at, 'at');
  const today = wallClockAt(t, cal.timeZone).dayNo;
  for (const dayNo of [today - 1, today]) {
    if (spansOn(cal, dayNo).some((s) => s.start <= t && t < s.end)) return true;
  }
  return false;
}

/**
 * The start of the next open period at or after `at`: `at` itself when open. Null when the
 * calendar stays closed for `MAX_CLOSED_DAYS` days.
 */
export function nextOpening(cal: BusinessCalendar, at: Date): Date | null {
  const span = firstSpanFrom(cal, instantOf(at, 'at'));
  return span ? new Date(span.start) : null;
}

/**
 * `from` plus a response time counted in open time only. The count starts at `from` when
 * open, else at the next opening; so a zero duration gives the next opening.
 *
 * `days` comes first: N business days later is the same local wall-clock time on the Nth
 * business day (a day owning any opening) after the day the count starts on, kept within
 * that day's opening hours (moved to its first opening or last closing when outside them).
 * `hours` and `minutes` are then added as open time; a deadline that uses up a period
 * exactly is that period's closing instant, not the next morning.
 * @throws InvalidInputError `calendar.never-opens` when the time cannot be spent.
 */
export function addBusinessTime(
  cal: BusinessCalendar,
  from: Date,
  duration: BusinessDuration,
): Date {
  const { days = 0, hours = 0, minutes = 0 } = duration;
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  if (![hours, minutes].every((n) => Number.isFinite(n) && n >= 0)) {
    throw new RangeError('hours and minutes must be finite and ≥ 0');
  }
  const first = firstSpanFrom(cal, instantOf(from, 'from'));
  if (!first) throw neverOpens();
  const openMs = Math.round((hours * 60 + minutes) * MINUTE_MS);
  if (days === 0) return new Date(addOpenTime(cal, first.start, openMs));
  const afterDays = addBusinessDays(cal, first, days);
  return new Date(openMs === 0 ? afterDays : addOpenTime(cal, afterDays, openMs));
}

function addOpenTime(cal: BusinessCalendar, from: number, ms: number): number {
  const today = wallClockAt(from, cal.timeZone).dayNo;
  let left = ms;
  for (const span of spansFrom(cal, today - 1)) {
    if (span.end <= from) continue;
    const start = Math.max(span.start, from);
    if (span.end - start >= left) return start + left;
    left -= span.end - start;
  }
  throw neverOpens();
}

function addBusinessDays(cal: BusinessCalendar, first: Span, days: number): number {
  // Wall-clock time measured from the owning day's midnight: 01:00 inside Friday's
  // 22:00–02:00 shift is Friday + 25 h.
  const wall = wallClockAt(first.start, cal.timeZone);
  const timeOfDay = (wall.dayNo - first.dayNo) * DAY_MS + wall.msOfDay;
  let counted = 0;
  let closedDays = 0;
  for (let dayNo = first.dayNo + 1; closedDays <= MAX_CLOSED_DAYS; dayNo++) {
    const spans = spansOn(cal, dayNo);
    if (spans.length === 0) {
      closedDays++;
      continue;
    }
    closedDays = 0;
    if (++counted < days) continue;
    const target = wallTimeToInstant(dayNo, timeOfDay, cal.timeZone);
    const opens = spans[0].start;
    const closes = spans[spans.length - 1].end;
    return Math.min(Math.max(target, opens), closes);
  }
  throw neverOpens();
}

/**
 * Milliseconds of open time in [from, to), less the paused spans. Pauses may overlap each
 * other and reach past either edge; a pause without `to` runs to `to`; an inverted pause is
 * empty. Zero when `to` is not after `from`.
 */
export function businessTimeBetween(
  cal: BusinessCalendar,
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
): number {
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  if (b <= a) return 0;
  const paused = pauseRanges(pauses, a, b);
  const today = wallClockAt(a, cal.timeZone).dayNo;
  let total = 0;
  let next = 0;
  for (const span of spansFrom(cal, today - 1, b)) {
    const start = Math.max(span.start, a);
    const end = Math.min(span.end, b);
    if (end <= start) continue;
    total += end - start;
    // Both lists are sorted: skip pauses that ended before this span, subtract the rest.
    while (next < paused.length && paused[next].end <= start) next++;
    for (let i = next; i < paused.length && paused[i].start < end; i++) {
      total -= Math.min(end, paused[i].end) - Math.max(start, paused[i].start);
    }
  }
  return total;
}
