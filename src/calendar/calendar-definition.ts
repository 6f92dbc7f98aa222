import { InvalidInputError } from '../infra/errors/app-error';
import type {
  BusinessCalendar,
  CalendarDefinition,
  HolidayClosure,
  MinuteInterval,
  OpeningInterval,
} from './calendar.model';
import { DEFAULT_HOLIDAY_CLOSURES, WEEKDAYS } from './calendar.model';
import { MONTH_DAY, parseClockTime, parseIntervals, validateCalendar } from './calendar-validation';
import { parseIsoDate } from './zoned-time';

const DAY_MINUTES = 24 * 60;

/**
 * Validates and parses a definition for the operations in `business-calendar.ts`.
 * @throws InvalidInputError `calendar.invalid-definition` listing every issue by path.
 */
export function compileCalendar(def: CalendarDefinition): BusinessCalendar {
  const issues = validateCalendar(def);
  if (issues.length > 0) {
    throw new InvalidInputError(
      'calendar.invalid-definition',
      `The calendar definition has ${issues.length} problem(s): ${issues.map((i) => `${i.path}: ${i.reason}`).join('; ')}`,
      issues.map((i) => ({ field: i.path, reason: i.reason })),
    );
  }
  const intervals = (list: OpeningInterval[]): MinuteInterval[] =>
    parseIntervals(list, '', [])
      .map(({ start, end }) => ({ start, end }))
      .sort((a, b) => a.start - b.start);
  const closing = (text: string) => parseClockTime(text, true) ?? DAY_MINUTES;
  const halfDays = def.holidays.halfDays ?? [];
  const byDate = halfDays.filter((h) => MONTH_DAY.test(h.holiday));
  const byName = halfDays.filter((h) => !MONTH_DAY.test(h.holiday));
  return {
    definition: def,
    timeZone: def.timeZone,
    weekly: WEEKDAYS.map((day) => intervals(def.weekly[day])),
    exceptions: new Map(
      def.exceptions.map((e) => [
        parseIsoDate(e.date) ?? Number.NaN,
        'intervals' in e ? intervals(e.intervals) : [],
      ]),
    ),
    swedishHolidays: def.holidays.set === 'SE',
    closeOn: new Set<HolidayClosure>(def.holidays.closeOn ?? DEFAULT_HOLIDAY_CLOSURES),
    halfDaysByName: new Map(byName.map((h) => [h.holiday, closing(h.closesAt)])),
    halfDaysByDate: new Map(byDate.map((h) => [h.holiday, closing(h.closesAt)])),
  };
}
