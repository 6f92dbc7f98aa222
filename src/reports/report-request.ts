import type { FieldError } from '../infra/errors/app-error';
import { isMonth } from './report-month';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface MonthlyReportRequest {
  month: string;
  contract: string | null;
  format: ReportFormat;
}

const CONTRACT_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const PARAMETERS = new Set(['month', 'contract', 'format']);

/**
 * Reads `month`, `contract` and `format` of a monthly report request. A month after the
 * area's current one is refused (the current one is a month so far); anything not
 * understood is a field error, never ignored.
 */
export function parseMonthlyReportRequest(
  raw: Record<string, unknown>,
  currentMonth: string,
): { request: MonthlyReportRequest | null; errors: FieldError[] } {
  const errors: FieldError[] = Object.keys(raw)
    .filter((name) => !PARAMETERS.has(name))
    .map((field) => ({ field, reason: 'is not a parameter of the report' }));
  // null: not given; undefined: given wrongly (and already named).
  const text = (field: string): string | null | undefined => {
    const value = raw[field];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string') {
      errors.push({ field, reason: 'must be given once' });
      return undefined;
    }
    return value.trim();
  };
  const month = text('month');
  if (month === null) errors.push({ field: 'month', reason: 'is required (YYYY-MM)' });
  else if (month !== undefined && !isMonth(month))
    errors.push({ field: 'month', reason: 'must be a month (YYYY-MM)' });
  else if (month !== undefined && month > currentMonth)
    errors.push({ field: 'month', reason: `must not be after ${currentMonth}` });
  const contract = text('contract');
  if (contract && !CONTRACT_CODE.test(contract))
    errors.push({ field: 'contract', reason: 'must be a contract code' });
  const format = text('format') ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    errors.push({ field: 'format', reason: `must be one of ${REPORT_FORMATS.join(', ')}` });
  if (errors.length || !month) return { request: null, errors };
  return { request: { month, contract: contract ?? null, format: format as ReportFormat }, errors };
}

/** A report's `format` alone (the cycle report takes nothing else). */
export function parseFormat(raw: Record<string, unknown>): {
  format: ReportFormat | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = Object.keys(raw)
    .filter((name) => name !== 'format')
    .map((field) => ({ field, reason: 'is not a parameter of the report' }));
  const value = raw.format ?? 'json';
  if (typeof value !== 'string' || !(REPORT_FORMATS as readonly string[]).includes(value))
    errors.push({ field: 'format', reason: `must be one of ${REPORT_FORMATS.join(', ')}` });
  return errors.length ? { format: null, errors } : { format: value as ReportFormat, errors };
}
