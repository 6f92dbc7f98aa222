import type { FieldError } from '../infra/errors/app-error';
import type { Open311Status } from './open311.model';
import { Open311InvalidRequestError } from './open311.errors';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "may not span more than 90 days"; "When not specified, the range defaults to most recent 90 days." */
export const MAX_WINDOW_MS = 90 * DAY_MS;
/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const MAX_RESULTS = 1000;

export type RequestQuery =
  | { by: 'ids'; ids: string[] }
  | { by: 'window'; from: Date; to: Date; serviceCodes: string[]; statuses: Open311Status[] };

// The spec's date/time subset of ISO 8601 (the W3C note): a full date and time, and the zone.
const W3C_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A W3C date-time with its zone (Z or ±hh:mm), or null when it is not one or names no real moment. */
export function parseW3cDateTime(text: string): Date | null {
  const match = W3C_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] =
    match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  const fits =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59;
  const date = new Date(text);
  return fits && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * An Optional Argument given empty counts as not given ("A null parameter should be
 * treated as equivalent to a non-declared parameter"); a list may be comma delimited
 * and declared more than once.
 */
export function listArgument(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value])
    .filter((part): part is string => typeof part === 'string')
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter(Boolean);
  return [...new Set(parts)];
}

function singleArgument(value: unknown): string | undefined {
  const last: unknown = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last.trim() || undefined : undefined;
}

/** The filters of GET requests, with the spec's default window and its 90-day bound. */
export function parseRequestQuery(query: Record<string, unknown>, now: Date): RequestQuery {
  // "This overrides all other arguments."
  const ids = listArgument(query.service_request_id);
  if (ids.length > 0) return { by: 'ids', ids };

  const errors: FieldError[] = [];
  const date = (field: 'start_date' | 'end_date'): Date | undefined => {
    const text = singleArgument(query[field]);
    if (text === undefined) return undefined;
    // A `+` offset sent unencoded in a query string arrives as a space.
    const parsed = parseW3cDateTime(text.replace(/ (\d{2}:\d{2})$/, '+$1'));
    if (!parsed) {
      errors.push({
        field,
        reason: 'must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z',
      });
    }
    return parsed ?? undefined;
  };
  const start = date('start_date');
  const end = date('end_date');

  const statuses = listArgument(query.status);
  const unknownStatus = statuses.find((status) => status !== 'open' && status !== 'closed');
  if (unknownStatus) errors.push({ field: 'status', reason: 'must be open or closed' });

  let from: Date;
  let to: Date;
  if (start && end) {
    [from, to] = [start, end];
    if (to.getTime() < from.getTime()) {
      errors.push({ field: 'end_date', reason: 'must not be before start_date' });
    } else if (to.getTime() - from.getTime() > MAX_WINDOW_MS) {
      errors.push({ field: 'end_date', reason: 'may not be more than 90 days after start_date' });
    }
  } else if (start) {
    [from, to] = [start, new Date(start.getTime() + MAX_WINDOW_MS)];
  } else if (end) {
    [from, to] = [new Date(end.getTime() - MAX_WINDOW_MS), end];
  } else {
    [from, to] = [new Date(now.getTime() - MAX_WINDOW_MS), now];
  }
  if (errors.length > 0) throw new Open311InvalidRequestError(errors);

  return {
    by: 'window',
    from,
    to,
    serviceCodes: listArgument(query.service_code),
    statuses: statuses as Open311Status[],
  };
}
