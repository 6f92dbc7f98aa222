import type { ReportCell, ReportColumn, ReportColumnType } from '../report-document';

/**
 * Swedish number and label formatting, written once for CSV, HTML and PDF (XLSX keeps the
 * raw numbers and lets Excel format them). Hand-written rather than `Intl.NumberFormat`
 * because ICU's sv-SE output uses U+2212 for minus, which Excel does not parse in a CSV and
 * the PDF standard fonts cannot encode.
 */

/** Keeps "12 345" and "25,0 %" on one line in HTML and PDF. */
export const NBSP = '\u00a0';

/** Shown for a cell whose value is not known (HTML, PDF); a CSV leaves it empty. */
export const MISSING = '–';

/** Decimals shown on screen and paper; CSV keeps a little more for further work. */
const DISPLAY_DECIMALS: Record<Exclude<ReportColumnType, 'text'>, number> = {
  int: 0,
  decimal: 1,
  percent: 1,
  hours: 1,
};
const CSV_DECIMALS: Record<Exclude<ReportColumnType, 'text'>, number> = {
  int: 0,
  decimal: 2,
  percent: 1,
  hours: 2,
};

/**
 * `value` with `decimals` decimals, a decimal comma and, when `group` is given, that
 * separator between thousands. Negative numbers use an ASCII hyphen-minus.
 */
export function formatNumber(value: number, decimals: number, group = ''): string {
  const factor = 10 ** decimals;
  // The tiny nudge rounds 1.005 and 0.145 * 100 the way a reader expects, not the way binary does.
  const scaled = Math.round(Math.abs(value) * factor * (1 + Number.EPSILON));
  const digits = String(scaled).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${grouped}${decimals > 0 ? `,${fraction}` : ''}`;
}

function isNumber(cell: ReportCell): cell is number {
  return typeof cell === 'number' && Number.isFinite(cell);
}

/** A cell as a reader sees it: "12 345", "3,5", "25,0 %", "12,5 h", or "–" when unknown. */
export function formatDisplay(cell: ReportCell, type: ReportColumnType): string {
  if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) return MISSING;
  if (type === 'text' || !isNumber(cell)) return String(cell);
  const decimals = DISPLAY_DECIMALS[type];
  switch (type) {
    case 'int':
    case 'decimal':
      return formatNumber(cell, decimals, NBSP);
    case 'percent':
      return `${formatNumber(cell * 100, decimals, NBSP)}${NBSP}%`;
    case 'hours':
      return `${formatNumber(cell, decimals, NBSP)}${NBSP}h`;
  }
}

/**
 * A numeric cell as Swedish Excel parses it: no thousands separator, decimal comma, a
 * percent as its number of percent ("25,0") with the unit moved to the header. Text is
 * returned as is (the CSV writer guards and quotes it); unknown is empty.
 */
export function formatCsvValue(cell: ReportCell, type: ReportColumnType): string {
  if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) return '';
  if (type === 'text' || !isNumber(cell)) return String(cell);
  const value = type === 'percent' ? cell * 100 : cell;
  return formatNumber(value, CSV_DECIMALS[type]);
}

/** The heading of a column in a CSV, where the cells carry no unit. */
export function csvHeader(column: ReportColumn): string {
  switch (column.type) {
    case 'percent':
      return `${column.label} (%)`;
    case 'hours':
      return `${column.label} (h)`;
    case 'text':
    case 'int':
    case 'decimal':
      return column.label;
  }
}

/** Whether a column's cells are numbers, to be right-aligned. */
export function isNumericColumn(column: ReportColumn): boolean {
  return column.type !== 'text';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * A chart axis label: a `YYYY-MM` month becomes its short Swedish name, with the year on a
 * second line at the first point and wherever the year changes; anything else is kept.
 */
export function axisLabels(labels: string[]): { line1: string; line2: string }[] {
  let lastYear = '';
  return labels.map((label) => {
    const month = /^(\d{4})-(\d{2})$/.exec(label);
    const index = month ? Number(month[2]) - 1 : -1;
    if (!month || index < 0 || index > 11) return { line1: label, line2: '' };
    const year = month[1];
    const line2 = year !== lastYear ? year : '';
    lastYear = year;
    return { line1: MONTHS[index], line2 };
  });
}

/** `2026-11-01 – 2026-11-30`: ISO dates are what Swedish readers expect in a table. */
export function formatPeriod(period: { from: string; to: string }): string {
  return period.from === period.to ? period.from : `${period.from} – ${period.to}`;
}

/** `2026-12-01 07:05` in the area's zone. */
export function formatTimestamp(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** What every format accepts beside the document. */
export interface FormatOptions {
  /** The area's zone for the generated-at time; the authority's own by default. */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';
