import { addBusinessTime, businessTimeBetween, nextOpening } from '../calendar/business-calendar';
import type { BusinessCalendar, BusinessDuration, Pause } from '../calendar/calendar.model';
import {
  MINUTE_MS,
  civilDateOf,
  dayNumberOf,
  wallClockAt,
  wallTimeToInstant,
} from '../calendar/zoned-time';
import type {
  ClockKind,
  ClockPlan,
  ClockPlanInput,
  ClockState,
  TrackedClock,
  WarningLeads,
} from './clock.model';
import { LEGAL_MONTHS } from './clock.model';
import type { PauseRange } from '../calendar/pause-ranges';
import { instantOf, pauseRanges } from '../calendar/pause-ranges';
import { extendPastPauses } from './pause-ranges';

/**
 * Plans a case's deadline clocks. Pure: plain data and instants in, instants out; `now` is
 * always passed in, never read.
 */

function requireWholeNumber(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
}

/** A business lead in milliseconds, refused by the same rules as `addBusinessTime`'s hours. */
function leadMs(lead: WarningLeads['business']): number {
  const { hours = 0, minutes = 0 } = lead;
  if (![hours, minutes].every((n) => Number.isFinite(n) && n >= 0)) {
    throw new RangeError('lead hours and minutes must be finite and ≥ 0');
  }
  return Math.round((hours * 60 + minutes) * MINUTE_MS);
}

/**
 * The same local wall-clock time `months` calendar months later, on the same day of the
 * month or the month's last day when it is shorter (31 January + 1 → 28 or 29 February).
 * A wall time skipped by the spring change becomes the first instant after the gap; one
 * repeated in autumn is its first occurrence (the rules of `wallTimeToInstant`).
 */
export function addCalendarMonths(at: Date, months: number, timeZone: string): Date {
  requireWholeNumber(months, 'months');
  const wall = wallClockAt(instantOf(at, 'at'), timeZone);
  const { year, month, day } = civilDateOf(wall.dayNo);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const dayNo = dayNumberOf({ year: targetYear, month: targetMonth, day: Math.min(day, lastDay) });
  return new Date(wallTimeToInstant(dayNo, wall.msOfDay, timeZone));
}

/** `from` plus `ms` of open time; zero stays put (`addBusinessTime` would move to an opening). */
function addOpenMs(cal: BusinessCalendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  return addBusinessTime(cal, new Date(from), { minutes: ms / MINUTE_MS }).getTime();
}

/**
 * When a business target started at `start` falls due: `addBusinessTime`, then moved on by
 * the open time of every pause that begins before the (moving) deadline. Without pauses it
 * is exactly `addBusinessTime`. A pause that begins before the deadline stops the clock for
 * its whole length, so the deadline is never inside it. Pauses before `start` are clipped,
 * overlapping pauses count once. Null while an open pause (no `to`) began before the deadline.
 * @throws RangeError for an invalid duration or Date.
 * @throws InvalidInputError `calendar.never-opens` when the time cannot be spent.
 */
export function businessDueAt(
  calendar: BusinessCalendar,
  start: Date,
  target: BusinessDuration,
  pauses: readonly Pause[],
): Date | null {
  const due = addBusinessTime(calendar, start, target).getTime();
  const ranges = pauseRanges(pauses, instantOf(start, 'start'));
  const moved = extendPastPauses(due, ranges, (current, range) =>
    addOpenMs(
      calendar,
      current,
      businessTimeBetween(calendar, toDate(range.start), toDate(range.end)),
    ),
  );
  return moved === null ? null : new Date(moved);
}

/**
 * When a legal deadline of `months` calendar months from `start` falls due: the same wall
 * time that many months later, moved on by the paused milliseconds of every pause that
 * begins before the (moving) deadline. Null while an open pause began before the deadline.
 * @throws RangeError for a fractional or negative `months` or an invalid Date.
 */
export function calendarDueAt(
  start: Date,
  months: number,
  pauses: readonly Pause[],
  timeZone: string,
): Date | null {
  const due = addCalendarMonths(start, months, timeZone).getTime();
  const ranges = pauseRanges(pauses, instantOf(start, 'start'));
  const moved = extendPastPauses(
    due,
    ranges,
    (current, range) => current + range.end - range.start,
  );
  return moved === null ? null : new Date(moved);
}

/**
 * When a business clock warns: the latest instant at which the un-paused open time left
 * until `dueAt` still equals `lead`. Before a Monday 10:00 deadline in a Mon–Fri 08–17
 * office a 2-hour lead is Monday 08:00 (not Friday 17:00), before Monday 09:00 it is Friday
 * 16:00. `start` when the whole target is shorter than the lead.
 * @throws RangeError for a negative or non-finite lead or an invalid Date.
 */
export function businessWarnAt(
  calendar: BusinessCalendar,
  start: Date,
  dueAt: Date,
  lead: WarningLeads['business'],
  pauses: readonly Pause[],
): Date {
  const ms = leadMs(lead);
  const from = instantOf(start, 'start');
  const due = instantOf(dueAt, 'dueAt');
  const total = businessTimeBetween(calendar, start, dueAt, pauses);
  if (total < ms) return new Date(from);
  const ranges = pauseRanges(pauses, from, due);
  // The earliest instant with `total - ms` un-paused open time spent, then the latest one.
  const spent = spendUnpaused(calendar, from, total - ms, ranges);
  const latest = nextUnpausedOpening(calendar, spent, ranges) ?? due;
  return new Date(Math.max(from, Math.min(latest, due)));
}

/** The earliest instant by which `ms` of open time outside the pauses has run from `from`. */
function spendUnpaused(
  cal: BusinessCalendar,
  from: number,
  ms: number,
  ranges: readonly PauseRange[],
): number {
  let cursor = from;
  let left = ms;
  for (const range of ranges) {
    const reached = addOpenMs(cal, cursor, left);
    if (reached <= range.start) return reached;
    left -= businessTimeBetween(cal, toDate(cursor), toDate(range.start));
    cursor = range.end;
  }
  return addOpenMs(cal, cursor, left);
}

/** The first open instant at or after `at` that no pause covers; null if the calendar never opens. */
function nextUnpausedOpening(
  cal: BusinessCalendar,
  at: number,
  ranges: readonly PauseRange[],
): number | null {
  let cursor = at;
  for (;;) {
    const opening = nextOpening(cal, toDate(cursor))?.getTime();
    if (opening === undefined) return null;
    const covering = ranges.find((r) => r.start <= opening && opening < r.end);
    if (!covering) return opening;
    cursor = covering.end;
  }
}

/**
 * When a legal clock warns: `legalDays` local calendar days before `dueAt`, at the same
 * wall time; never before `start` when given.
 * @throws RangeError for a fractional or negative `legalDays` or an invalid Date.
 */
export function legalWarnAt(dueAt: Date, legalDays: number, timeZone: string, start?: Date): Date {
  requireWholeNumber(legalDays, 'legalDays');
  const wall = wallClockAt(instantOf(dueAt, 'dueAt'), timeZone);
  const warn = wallTimeToInstant(wall.dayNo - legalDays, wall.msOfDay, timeZone);
  return new Date(start ? Math.max(warn, instantOf(start, 'start')) : warn);
}

/**
 * The clocks of a case in `CLOCK_KINDS` order: the two business clocks from
 * `businessStart`, then, when the contract has a legal regime, the two legal clocks from
 * `receivedAt` in the calendar's own zone.
 * @throws RangeError for an invalid target, lead or Date.
 * @throws InvalidInputError `calendar.never-opens` when a target cannot be spent.
 */
export function planClocks(input: ClockPlanInput): ClockPlan[] {
  const { receivedAt, businessStart, calendar, targets, regime, pauses, leads } = input;
  // Check the leads even for clocks that end up stopped, so bad data fails every time.
  leadMs(leads.business);
  requireWholeNumber(leads.legalDays, 'legalDays');

  const business = (kind: ClockKind, target: BusinessDuration): ClockPlan => {
    const dueAt = businessDueAt(calendar, businessStart, target, pauses);
    const warnAt = dueAt && businessWarnAt(calendar, businessStart, dueAt, leads.business, pauses);
    return { kind, startedAt: businessStart, dueAt, warnAt };
  };
  const legal = (kind: ClockKind, months: number): ClockPlan => {
    const dueAt = calendarDueAt(receivedAt, months, pauses, calendar.timeZone);
    const warnAt = dueAt && legalWarnAt(dueAt, leads.legalDays, calendar.timeZone, receivedAt);
    return { kind, startedAt: receivedAt, dueAt, warnAt };
  };

  const clocks = [
    business('first-response', targets.firstResponse),
    business('resolution', targets.resolution),
  ];
  if (regime === null) return clocks;
  const months = LEGAL_MONTHS[regime];
  return [...clocks, legal('legal-reply', months.reply), legal('legal-final', months.final)];
}

/**
 * The earliest instant at which a clock needs attention: for each clock neither met nor
 * breached, its warning if not yet given, else its deadline. Null when nothing is pending
 * (all done, or stopped by an open pause).
 */
export function nextClockMoment(clocks: readonly TrackedClock[]): Date | null {
  let next: number | null = null;
  for (const clock of clocks) {
    if (clock.metAt || clock.breachedAt) continue;
    // A clock without a warning instant still has to be caught at its deadline.
    const candidates = clock.warnedAt ? [clock.dueAt] : [clock.warnAt, clock.dueAt];
    for (const at of candidates) {
      if (at && (next === null || at.getTime() < next)) next = at.getTime();
    }
  }
  return next === null ? null : new Date(next);
}

/** How a clock stands at `now`, for the status API; met and breached win over the instants. */
export function clockState(
  clock: ClockPlan & Pick<TrackedClock, 'breachedAt' | 'metAt'>,
  now: Date,
): ClockState {
  const t = instantOf(now, 'now');
  if (clock.metAt) return 'met';
  if (clock.breachedAt || (clock.dueAt && t >= clock.dueAt.getTime())) return 'breached';
  if (!clock.dueAt) return 'paused';
  if (clock.warnAt && t >= clock.warnAt.getTime()) return 'warning';
  return 'running';
}

function toDate(instant: number): Date {
  return new Date(instant);
}
