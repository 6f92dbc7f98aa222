import { CASE_CHANNELS, CASE_KINDS } from '../cases/case.model';
import type { CaseChannel, CaseKind } from '../cases/case.model';
import type { FieldError } from '../infra/errors/app-error';
import { isCalendarDate } from '../feedback/local-time';

export const INBOX_VIEWS = [
  'open',
  'mine',
  'unassigned',
  'due-soon',
  'overdue',
  'waiting',
  'closed',
  'transferred',
] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const PAGE_SIZE = 50;
const MAX_TEXT = 200;

/** Where a page starts: after the row with this creation instant (µs, UTC) and id. */
export interface InboxCursor {
  createdAt: string;
  id: string;
}

export interface InboxFilters {
  contract: string | null;
  line: string | null;
  category: string | null;
  /** A focus-area code the case is tagged with. */
  focusArea: string | null;
  /** A customer-promise code the case is tagged with. */
  promise: string | null;
  kind: CaseKind | null;
  channel: CaseChannel | null;
  /** Received on or after this local day (YYYY-MM-DD). */
  from: string | null;
  /** Received on or before this local day. */
  to: string | null;
  q: string | null;
}

export interface InboxQuery {
  view: InboxView;
  filters: InboxFilters;
  after: InboxCursor | null;
}

export const FILTER_NAMES = [
  'contract',
  'line',
  'category',
  'focusArea',
  'promise',
  'kind',
  'channel',
  'from',
  'to',
  'q',
] as const satisfies readonly (keyof InboxFilters)[];

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(`${cursor.createdAt}_${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a client sent back, or null when it is not one we made. */
export function decodeCursor(value: string): InboxCursor | null {
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const [createdAt, id, ...rest] = text.split('_');
  if (rest.length > 0 || !CURSOR_AT.test(createdAt ?? '') || !UUID.test(id ?? '')) return null;
  return { createdAt, id };
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const PARAMETERS = new Set<string>(['view', 'after', ...FILTER_NAMES]);

/**
 * Reads the inbox's query string (the same for the page and the JSON API). Empty fields
 * are absent; anything else that is not understood is a field error, never ignored.
 */
export function parseInboxQuery(raw: Record<string, unknown>): {
  query: InboxQuery;
  errors: FieldError[];
} {
  const errors: FieldError[] = Object.keys(raw)
    .filter((name) => !PARAMETERS.has(name))
    .map((name) => ({ field: name, reason: 'is not a parameter of the inbox' }));
  const text = (name: string): string | null => {
    const value = raw[name];
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      errors.push({ field: name, reason: 'must be given once' });
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > MAX_TEXT) {
      errors.push({ field: name, reason: `must be at most ${MAX_TEXT} characters` });
      return null;
    }
    return trimmed === '' ? null : trimmed;
  };
  const choice = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const value = text(name);
    if (value === null) return null;
    const known = oneOf(allowed, value);
    if (!known) errors.push({ field: name, reason: `must be one of ${allowed.join(', ')}` });
    return known;
  };
  const day = (name: string): string | null => {
    const value = text(name);
    if (value !== null && !isCalendarDate(value)) {
      errors.push({ field: name, reason: 'must be a date (YYYY-MM-DD)' });
      return null;
    }
    return value;
  };

  const view = choice('view', INBOX_VIEWS) ?? 'open';
  const filters: InboxFilters = {
    contract: text('contract'),
    line: text('line'),
    category: text('category'),
    focusArea: text('focusArea'),
    promise: text('promise'),
    kind: choice('kind', CASE_KINDS),
    channel: choice('channel', CASE_CHANNELS),
    from: day('from'),
    to: day('to'),
    q: text('q'),
  };
  const afterText = text('after');
  const after = afterText === null ? null : decodeCursor(afterText);
  if (afterText !== null && !after)
    errors.push({ field: 'after', reason: 'is not a cursor this inbox gave' });
  return { query: { view, filters, after }, errors };
}

/** The query string of a view and its filters (and a cursor), for links and the next page. */
export function inboxSearchParams(
  query: Pick<InboxQuery, 'view' | 'filters'>,
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.view !== 'open') params.set('view', query.view);
  for (const name of FILTER_NAMES) {
    const value = query.filters[name];
    if (value !== null) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params;
}
