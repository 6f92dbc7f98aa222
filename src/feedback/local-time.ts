import { MINUTE_MS, parseIsoDate, wallTimeToInstant } from '../calendar/zoned-time';

/** Whether 'YYYY-MM-DD' names a day of the calendar (no 30 February). */
export function isCalendarDate(date: string): boolean {
  return parseIsoDate(date) !== null;
}

/**
 * The instant that a wall-clock date ('YYYY-MM-DD') and time ('HH:MM') name in a zone, by
 * the same rules as every calendar computation: a time the spring change skips is the
 * first instant after the gap, a time the autumn change repeats is its first occurrence.
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const day = parseIsoDate(date);
  const [hour, minute] = time.split(':').map(Number);
  if (day === null || !Number.isInteger(hour) || !Number.isInteger(minute))
    throw new RangeError(`not a date and time: ${date} ${time}`);
  return new Date(wallTimeToInstant(day, (hour * 60 + minute) * MINUTE_MS, timeZone));
}
