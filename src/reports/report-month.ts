const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether the text is a month as the reports take it: `2026-11`. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** `2026-11` plus `n` months (negative goes back): `addMonths('2026-01', -1)` is `2025-12`. */
export function addMonths(month: string, n: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last local day of a month, `2026-02` → `2026-02-28`. */
export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** The months from `from` to `to` inclusive, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

const SWEDISH_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2026-11` → `november 2026`. */
export function swedishMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${SWEDISH_MONTHS[m - 1]} ${year}`;
}

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A local date (`YYYY-MM-DD`) plus `n` days. */
export function addDays(date: string, n: number): string {
  return dateOf(dayOf(date) + n);
}

export function nextDay(date: string): string {
  return addDays(date, 1);
}

export function previousDay(date: string): string {
  return addDays(date, -1);
}

/** Days from one date to another (the second excluded). */
export function daysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}

/** The same day a year apart; 29 February becomes 1 March in a common year. */
export function addYears(date: string, n: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return dateOf(Date.UTC(year + n, month - 1, day) / DAY_MS);
}
