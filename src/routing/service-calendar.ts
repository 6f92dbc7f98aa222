import type { ServiceCalendar } from './routing.model';

/** A calendar date as GTFS and contracts write it, 'YYYY-MM-DD', with its weekday (0 = Monday). */
export interface ServiceDay {
  date: string;
  weekday: number;
}

/** A service_id ready for "does it run on this day?" in constant time. */
export interface CompiledService {
  serviceId: string;
  weekdays: readonly boolean[];
  /** Null when calendar.txt has no row: the service runs only on its added dates. */
  startDate: string | null;
  endDate: string | null;
  added: ReadonlySet<string>;
  removed: ReadonlySet<string>;
}

export function compileService(service: ServiceCalendar): CompiledService {
  const regular = service.startDate !== null && service.endDate !== null;
  return {
    serviceId: service.serviceId,
    weekdays: service.weekdays,
    startDate: regular ? service.startDate : null,
    endDate: regular ? service.endDate : null,
    added: new Set(service.added),
    removed: new Set(service.removed),
  };
}

/** calendar.txt's range and weekday, then calendar_dates.txt: removed dates win, added dates count. */
export function runsOn(service: CompiledService, day: ServiceDay): boolean {
  if (service.removed.has(day.date)) return false;
  if (service.added.has(day.date)) return true;
  if (service.startDate === null || service.endDate === null) return false;
  return (
    service.startDate <= day.date &&
    day.date <= service.endDate &&
    service.weekdays[day.weekday] === true
  );
}

/** Formatters are costly to make and safe to share; one per time zone. */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws RangeError for a zone Intl does not know, so a bad config fails when the index is built. */
export function assertTimeZone(timeZone: string): void {
  dateFormatter(timeZone);
}

/** The calendar day an instant falls on in the zone; null for an invalid Date. */
export function serviceDayOf(instant: Date, timeZone: string): ServiceDay | null {
  if (Number.isNaN(instant.getTime())) return null;
  let year = '';
  let month = '';
  let day = '';
  // Parts, not format(): the order and separators of a locale's output are not a contract.
  for (const part of dateFormatter(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  const sundayFirst = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return { date: `${year}-${month}-${day}`, weekday: (sundayFirst + 6) % 7 };
}
