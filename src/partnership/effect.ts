import { dayNumberOf, isoDateOf, parseIsoDate, wallClockAt } from '../calendar/zoned-time';

/** The longest window an action's effect is measured over, before and after its date. */
export const MAX_EFFECT_WINDOW_DAYS = 90;

/** A run of whole local days, `fromDay` to `toDay` inclusive (day numbers). */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/** One side of an effect: its days, the complaints in them and, when known, the boardings. */
export interface EffectWindow {
  /** First day, 'YYYY-MM-DD' (local). */
  from: string;
  /** Last day, inclusive. */
  to: string;
  cases: number;
  /** Boardings in the window, pro-rated by days from monthly figures; null without figures. */
  boardings: number | null;
  /** Complaints per 100,000 boardings (two decimals); null without boardings. */
  per100k: number | null;
}

export interface ActionEffect {
  /** Days in each window: days elapsed since the decision, at least 1, at most 90. */
  windowDays: number;
  before: EffectWindow;
  after: EffectWindow;
  /**
   * after ÷ before (1 = unchanged, 0.75 = a quarter fewer), of the rates per 100,000 when
   * both windows have boardings, else of the counts (the windows are equally long); null
   * when the before side is 0.
   */
  change: number | null;
  basis: 'per100k' | 'cases';
}

/**
 * The two equal windows around a decision: `after` starts on the decision day, `before`
 * ends the day before it. Their length is the whole local days since the decision (so
 * today, still running, is not counted), capped at 90, at least 1.
 */
export function effectWindows(
  decidedOn: string,
  today: Date,
  timeZone: string,
): { windowDays: number; before: DayRange; after: DayRange } {
  const decided = parseIsoDate(decidedOn);
  if (decided === null) throw new RangeError(`not a date: ${decidedOn}`);
  const todayNo = wallClockAt(today.getTime(), timeZone).dayNo;
  const windowDays = Math.min(MAX_EFFECT_WINDOW_DAYS, Math.max(1, todayNo - decided));
  return {
    windowDays,
    before: { fromDay: decided - windowDays, toDay: decided - 1 },
    after: { fromDay: decided, toDay: decided + windowDays - 1 },
  };
}

/** 'YYYY-MM' of a day number. */
export function monthOf(dayNo: number): string {
  return isoDateOf(dayNo).slice(0, 7);
}

/** The months a range of days touches, in order. */
export function monthsOf(range: DayRange): string[] {
  const months: string[] = [];
  for (let day = range.fromDay; day <= range.toDay; day++) {
    const month = monthOf(day);
    if (months[months.length - 1] !== month) months.push(month);
  }
  return months;
}

function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number);
  const first = dayNumberOf({ year, month: m, day: 1 });
  const next = m === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: m + 1, day: 1 };
  return dayNumberOf(next) - first;
}

/**
 * Boardings in a range of days from monthly figures, each month pro-rated by the share of
 * its days the range covers; null unless every month the range touches has a figure.
 */
export function proratedBoardings(
  range: DayRange,
  monthly: ReadonlyMap<string, number>,
): number | null {
  const daysPerMonth = new Map<string, number>();
  for (let day = range.fromDay; day <= range.toDay; day++) {
    const month = monthOf(day);
    daysPerMonth.set(month, (daysPerMonth.get(month) ?? 0) + 1);
  }
  let total = 0;
  for (const [month, days] of daysPerMonth) {
    const figure = monthly.get(month);
    if (figure === undefined) return null;
    total += (figure * days) / daysInMonth(month);
  }
  return Math.round(total);
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** A window's rate per 100,000 boardings, null without boardings (or with none at all). */
export function per100k(cases: number, boardings: number | null): number | null {
  return boardings ? round((cases / boardings) * 100_000, 2) : null;
}

/** Both windows measured: the effect as the API shows it. */
export function effectOfWindows(
  windowDays: number,
  before: EffectWindow,
  after: EffectWindow,
): ActionEffect {
  const rates = before.per100k !== null && after.per100k !== null;
  const [was, is] = rates
    ? [before.per100k as number, after.per100k as number]
    : [before.cases, after.cases];
  return {
    windowDays,
    before,
    after,
    change: was === 0 ? null : round(is / was, 4),
    basis: rates ? 'per100k' : 'cases',
  };
}

export function isoRange(range: DayRange): { from: string; to: string } {
  return { from: isoDateOf(range.fromDay), to: isoDateOf(range.toDay) };
}
