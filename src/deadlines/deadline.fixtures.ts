import { compileCalendar } from '../calendar/calendar-definition';
import { officeCalendar } from '../calendar/calendar.fixtures';
import type { OpeningInterval, Pause } from '../calendar/calendar.model';
import { zonedDateTimeToInstant } from '../feedback/local-time';

// Test helpers: every instant is written as Stockholm wall time 'YYYY-MM-DD HH:MM'.

export const ZONE = 'Europe/Stockholm';
export const HOUR = 3_600_000;

/** A Stockholm wall-clock time 'YYYY-MM-DD HH:MM' as an instant. */
export function local(text: string): Date {
  const [date, time] = text.split(' ');
  return zonedDateTimeToInstant(date, time, ZONE);
}

export const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A wait for the traveller; open (no `to`) when `to` is left out. */
export const pause = (from: string, to?: string): Pause => ({
  from: local(from),
  to: to ? local(to) : undefined,
});

/** Mon–Fri 08:00–17:00 Stockholm, Swedish holidays and the three eves closed. */
export const OFFICE = compileCalendar(officeCalendar());

const ALL_DAY: OpeningInterval[] = [{ start: '00:00', end: '24:00' }];
/** Open every instant of every day, holidays included. */
export const ALWAYS = compileCalendar(
  officeCalendar({
    weekly: {
      mon: ALL_DAY,
      tue: ALL_DAY,
      wed: ALL_DAY,
      thu: ALL_DAY,
      fri: ALL_DAY,
      sat: ALL_DAY,
      sun: ALL_DAY,
    },
    holidays: { set: 'none' },
  }),
);
