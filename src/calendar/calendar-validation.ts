import type { CalendarIssue, MinuteInterval } from './calendar.model';
import {
  DEFAULT_HOLIDAY_CLOSURES,
  HOLIDAY_CLOSURES,
  HOLIDAY_SETS,
  WEEKDAYS,
} from './calendar.model';
import { SWEDISH_CLOSED_EVES, swedishHolidayNames } from './swedish-holidays';
import { isValidTimeZone, parseIsoDate } from './zoned-time';

const DAY_MINUTES = 24 * 60;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A fixed-date half day, `MM-DD`. */
export const MONTH_DAY = /^\d{2}-\d{2}$/;

/** Minutes since midnight of `HH:MM` (00:00–23:59, or 24:00 when `allowMidnightEnd`). */
export function parseClockTime(text: string, allowMidnightEnd = false): number | null {
  if (allowMidnightEnd && text === '24:00') return DAY_MINUTES;
  const match = CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** `HH:MM` of minutes since midnight, wrapping past 24 h (1560 → `02:00`). */
export function formatClockTime(minutes: number): string {
  const wrapped = minutes > DAY_MINUTES ? minutes - DAY_MINUTES : minutes;
  const hh = String(Math.floor(wrapped / 60)).padStart(2, '0');
  return `${hh}:${String(wrapped % 60).padStart(2, '0')}`;
}

export interface PathedInterval extends MinuteInterval {
  path: string;
}

type Issues = CalendarIssue[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function badTime(value: unknown, allowMidnightEnd: boolean): string {
  if (value === '24:00' && !allowMidnightEnd) return '24:00 is only allowed as an end';
  return `malformed time ${show(value)}; expected HH:MM (00:00–23:59${allowMidnightEnd ? ' or 24:00' : ''})`;
}

/** Parses a list of intervals, reporting problems; ends past midnight become > 24 h. */
export function parseIntervals(
  raw: unknown,
  path: string,
  issues: CalendarIssue[],
): PathedInterval[] {
  if (!Array.isArray(raw)) {
    issues.push({ path, reason: 'must be a list of {start, end} intervals ([] when closed)' });
    return [];
  }
  const parsed: PathedInterval[] = [];
  raw.forEach((item: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(item)) {
      issues.push({ path: at, reason: 'must be an object {start, end}' });
      return;
    }
    const start = typeof item.start === 'string' ? parseClockTime(item.start) : null;
    const end = typeof item.end === 'string' ? parseClockTime(item.end, true) : null;
    if (start === null) issues.push({ path: `${at}.start`, reason: badTime(item.start, false) });
    if (end === null) issues.push({ path: `${at}.end`, reason: badTime(item.end, true) });
    if (start === null || end === null) return;
    if (start === end) {
      issues.push({
        path: at,
        reason: 'empty interval (start equals end); a whole day is 00:00–24:00',
      });
      return;
    }
    parsed.push({ start, end: end <= start ? end + DAY_MINUTES : end, path: at });
  });
  return parsed;
}

function span(interval: PathedInterval): string {
  return `${interval.path} (${formatClockTime(interval.start)}–${formatClockTime(interval.end)})`;
}

/** Overlaps within one day's list; the later-starting interval carries the issue. */
function checkOverlaps(intervals: PathedInterval[], issues: Issues): void {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let reach: PathedInterval | undefined;
  for (const interval of sorted) {
    if (reach && interval.start < reach.end) {
      issues.push({ path: interval.path, reason: `overlaps ${span(reach)}` });
    }
    if (!reach || interval.end > reach.end) reach = interval;
  }
}

/** An interval past midnight must end before the next day's first interval starts. */
function checkSpill(day: PathedInterval[], nextDay: PathedInterval[], issues: Issues): void {
  for (const late of day) {
    if (late.end <= DAY_MINUTES) continue;
    for (const early of nextDay) {
      if (early.start < late.end - DAY_MINUTES) {
        const until = formatClockTime(late.end);
        issues.push({
          path: late.path,
          reason: `runs past midnight until ${until} and overlaps ${span(early)}`,
        });
      }
    }
  }
}

function validateWeekly(raw: unknown, issues: Issues): PathedInterval[][] | null {
  if (!isRecord(raw)) {
    issues.push({ path: 'weekly', reason: 'must be an object with mon … sun' });
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      issues.push({
        path: `weekly.${key}`,
        reason: `unknown weekday; expected ${WEEKDAYS.join(', ')}`,
      });
    }
  }
  const days = WEEKDAYS.map((day) => {
    if (raw[day] === undefined) {
      issues.push({ path: `weekly.${day}`, reason: 'missing; use [] for a closed day' });
      return [];
    }
    const parsed = parseIntervals(raw[day], `weekly.${day}`, issues);
    checkOverlaps(parsed, issues);
    return parsed;
  });
  days.forEach((day, i) => checkSpill(day, days[(i + 1) % 7], issues));
  return days;
}

function validateHolidays(raw: unknown, issues: Issues): void {
  if (!isRecord(raw)) {
    issues.push({ path: 'holidays', reason: 'must be an object {set, closeOn?, halfDays?}' });
    return;
  }
  const set = raw.set;
  if (!(HOLIDAY_SETS as readonly unknown[]).includes(set)) {
    issues.push({
      path: 'holidays.set',
      reason: `unknown holiday set ${show(set)}; expected 'SE' or 'none'`,
    });
  }
  let closeOn: readonly unknown[] = DEFAULT_HOLIDAY_CLOSURES;
  if (raw.closeOn !== undefined) {
    if (Array.isArray(raw.closeOn)) closeOn = raw.closeOn;
    else issues.push({ path: 'holidays.closeOn', reason: "must be a list of 'public' | 'eves'" });
  }
  closeOn.forEach((closure, i) => {
    if (!(HOLIDAY_CLOSURES as readonly unknown[]).includes(closure)) {
      const reason = `unknown closure ${show(closure)}; expected 'public' or 'eves'`;
      issues.push({ path: `holidays.closeOn[${i}]`, reason });
    }
  });
  if (raw.halfDays === undefined) return;
  if (!Array.isArray(raw.halfDays)) {
    issues.push({ path: 'holidays.halfDays', reason: 'must be a list of {holiday, closesAt}' });
    return;
  }
  const seen = new Map<string, number>();
  raw.halfDays.forEach((item: unknown, i) => {
    const at = `holidays.halfDays[${i}]`;
    if (!isRecord(item)) {
      issues.push({ path: at, reason: 'must be an object {holiday, closesAt}' });
      return;
    }
    const holiday = item.holiday;
    const reason =
      typeof holiday === 'string'
        ? halfDayProblem(holiday, set === 'SE', closeOn, seen.get(holiday))
        : 'must be a holiday name or a date MM-DD';
    if (reason) issues.push({ path: `${at}.holiday`, reason });
    if (typeof holiday === 'string' && !seen.has(holiday)) seen.set(holiday, i);
    if (typeof item.closesAt !== 'string' || parseClockTime(item.closesAt, true) === null) {
      issues.push({ path: `${at}.closesAt`, reason: badTime(item.closesAt, true) });
    }
  });
}

function halfDayProblem(
  holiday: string,
  swedish: boolean,
  closeOn: readonly unknown[],
  duplicateOf: number | undefined,
): string | null {
  if (duplicateOf !== undefined) return `duplicate of holidays.halfDays[${duplicateOf}]`;
  if (MONTH_DAY.test(holiday)) {
    // A leap year, so 02-29 is a valid fixed date.
    return parseIsoDate(`2024-${holiday}`) === null ? `not a date MM-DD: ${show(holiday)}` : null;
  }
  if (!swedish) return "holiday names need holidays.set 'SE'; use a date MM-DD";
  const names = swedishHolidayNames();
  const type = names.get(holiday);
  if (type === undefined) {
    const near = [...names.keys()].find((n) => n.toLowerCase() === holiday.toLowerCase());
    return `unknown holiday ${show(holiday)}${near ? `; did you mean '${near}'?` : ''}`;
  }
  if (type === 'public' && closeOn.includes('public')) {
    return `${holiday} is a public holiday, already closed all day by holidays.closeOn 'public'`;
  }
  if (SWEDISH_CLOSED_EVES.includes(holiday) && closeOn.includes('eves')) {
    return `${holiday} is already closed all day by holidays.closeOn 'eves'; drop 'eves' to make it a half day`;
  }
  return null;
}

function validateExceptions(raw: unknown, issues: Issues): void {
  if (!Array.isArray(raw)) {
    issues.push({ path: 'exceptions', reason: 'must be a list ([] when there are none)' });
    return;
  }
  const seen = new Map<number, number>();
  raw.forEach((item: unknown, i) => {
    const at = `exceptions[${i}]`;
    if (!isRecord(item)) {
      issues.push({
        path: at,
        reason: 'must be an object {date, closed: true} or {date, intervals}',
      });
      return;
    }
    const dayNo = typeof item.date === 'string' ? parseIsoDate(item.date) : null;
    const earlier = dayNo === null ? undefined : seen.get(dayNo);
    if (dayNo === null) {
      issues.push({
        path: `${at}.date`,
        reason: `not a calendar date ${show(item.date)}; expected YYYY-MM-DD`,
      });
    } else if (earlier !== undefined) {
      issues.push({
        path: `${at}.date`,
        reason: `duplicate date; exceptions[${earlier}] has it already`,
      });
    } else {
      seen.set(dayNo, i);
    }
    const hasClosed = item.closed !== undefined;
    const hasIntervals = item.intervals !== undefined;
    if (hasClosed && hasIntervals) {
      issues.push({ path: at, reason: 'give either closed: true or intervals, not both' });
    } else if (hasClosed) {
      if (item.closed !== true) {
        issues.push({
          path: `${at}.closed`,
          reason: 'must be true; give intervals for special hours',
        });
      }
    } else if (hasIntervals) {
      checkOverlaps(parseIntervals(item.intervals, `${at}.intervals`, issues), issues);
    } else {
      issues.push({ path: at, reason: 'give closed: true or intervals' });
    }
  });
}

/**
 * Everything wrong with a definition (empty when it is valid), each with the path of the
 * offending field. Accepts any JSON so it can check what an API or the database hands in.
 */
export function validateCalendar(def: unknown): CalendarIssue[] {
  const issues: Issues = [];
  if (!isRecord(def)) return [{ path: '', reason: 'must be an object' }];
  if (typeof def.timeZone !== 'string' || !isValidTimeZone(def.timeZone)) {
    issues.push({ path: 'timeZone', reason: `unknown time zone ${show(def.timeZone)}` });
  }
  validateWeekly(def.weekly, issues);
  validateHolidays(def.holidays, issues);
  validateExceptions(def.exceptions, issues);
  return issues;
}
