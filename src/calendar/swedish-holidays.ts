import Holidays from 'date-holidays';

/**
 * Swedish holidays as `date-holidays` knows them, indexed by local date and cached per
 * year so a day's lookup is a Map read.
 *
 * Quirks of the library's data worth knowing (checked against 3.37):
 * - names are Swedish and lower case for the statutory days (`juldagen`), but the
 *   observances are capitalised (`Mors dag`, `Luciadagen`, `Vasaloppet`);
 * - midsommarafton, julafton and nyårsafton are type `bank`, not `public`: by law they are
 *   ordinary days, in practice almost everything is closed;
 * - trettondagsafton, valborgsmässoafton and allhelgonaafton are type `optional` and their
 *   `date` carries a time (`2026-01-05 12:00:00`): the library models them as starting at
 *   noon, i.e. as the afternoon off;
 * - påskafton and pingstafton are `observance` (they always fall on a Saturday), and annandag
 *   pingst is `observance` too (no longer a public holiday since 2005);
 * - Sundays, which Swedish law counts as public holidays, are not listed;
 * - two entries can share a date (in 2027 alla helgons dag and Gustav-Adolf-dagen are both
 *   on 6 November), so a date maps to a list.
 */

export type SwedishHolidayType = 'public' | 'bank' | 'optional' | 'observance';

export interface SwedishHoliday {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Swedish name as the library spells it, e.g. `midsommarafton`. */
  name: string;
  type: SwedishHolidayType;
}

/** The de facto closed days, closed by `holidays.closeOn: ['eves']`. */
export const SWEDISH_CLOSED_EVES: readonly string[] = ['midsommarafton', 'julafton', 'nyårsafton'];

const NONE: readonly SwedishHoliday[] = [];
let library: Holidays | undefined;
const byYear = new Map<number, Map<string, SwedishHoliday[]>>();
let namesToTypes: Map<string, SwedishHolidayType> | undefined;

function holidaysLibrary(): Holidays {
  library ??= new Holidays('SE', { languages: ['sv'] });
  return library;
}

function yearIndex(year: number): Map<string, SwedishHoliday[]> {
  let index = byYear.get(year);
  if (!index) {
    index = new Map();
    for (const entry of holidaysLibrary().getHolidays(year, 'sv')) {
      const holiday: SwedishHoliday = {
        date: entry.date.slice(0, 10),
        name: entry.name,
        type: toType(entry.type),
      };
      const sameDay = index.get(holiday.date);
      if (sameDay) sameDay.push(holiday);
      else index.set(holiday.date, [holiday]);
    }
    byYear.set(year, index);
  }
  return index;
}

// The library's type union also has 'school'; Sweden has none, so read it as observance.
function toType(type: string): SwedishHolidayType {
  switch (type) {
    case 'public':
    case 'bank':
    case 'optional':
      return type;
    default:
      return 'observance';
  }
}

/** The holidays on a local date (`YYYY-MM-DD`), empty on ordinary days. */
export function swedishHolidaysOn(isoDate: string): readonly SwedishHoliday[] {
  const year = Number(isoDate.slice(0, 4));
  return yearIndex(year).get(isoDate) ?? NONE;
}

/**
 * Every holiday name the library uses, with its type, collected once over a span of
 * years so that names that do not occur every year are known too.
 */
export function swedishHolidayNames(): ReadonlyMap<string, SwedishHolidayType> {
  if (!namesToTypes) {
    namesToTypes = new Map();
    for (let year = 2024; year <= 2030; year++) {
      for (const sameDay of yearIndex(year).values()) {
        for (const holiday of sameDay) namesToTypes.set(holiday.name, holiday.type);
      }
    }
  }
  return namesToTypes;
}

/**
 * A Swedish working day (`YYYY-MM-DD`): a weekday that is neither a public holiday nor one
 * of the eves that are closed in practice (midsommarafton, julafton, nyårsafton).
 */
export function isSwedishWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !swedishHolidaysOn(isoDate).some(
    (holiday) => holiday.type === 'public' || SWEDISH_CLOSED_EVES.includes(holiday.name),
  );
}

/** The first working day of a month (`YYYY-MM`), e.g. `2027-01` → `2027-01-04`. */
export function firstSwedishWorkingDay(month: string): string {
  for (let day = 1; day <= 31; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    if (isSwedishWorkingDay(date)) return date;
  }
  throw new Error(`no working day in ${month}`);
}
