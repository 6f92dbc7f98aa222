import { CsvError, parse } from 'csv-parse';
import type { CsvErrorCode } from 'csv-parse';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import type { GtfsProblem } from './gtfs.model';

/** Past this many errors the rest are only counted: a broken feed needs no 50 000-line report. */
export const MAX_LISTED_ERRORS = 1000;

// A stray quote would otherwise make csv-parse gather the rest of a huge file into one value.
const MAX_RECORD_CHARACTERS = 1_000_000;

/** Errors and warnings met while reading one feed. */
export class GtfsProblemLog {
  private readonly errors: GtfsProblem[] = [];
  private readonly warnings: GtfsProblem[] = [];
  private overflowed = false;

  error(file: string, line: number | null, reason: string): void {
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ file, line, reason });
    else this.overflowed = true;
  }

  warn(file: string, line: number | null, reason: string): void {
    if (this.warnings.length < MAX_LISTED_ERRORS) this.warnings.push({ file, line, reason });
  }

  get isFull(): boolean {
    return this.overflowed;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  listErrors(): GtfsProblem[] {
    if (!this.overflowed) return [...this.errors];
    return [...this.errors, { file: '*', line: null, reason: 'more errors not listed' }];
  }

  listWarnings(): GtfsProblem[] {
    return [...this.warnings];
  }
}

/** One data row, with typed accessors that log a problem (and mark the row invalid) on bad values. */
export class GtfsRow {
  private problemFound = false;

  constructor(
    readonly file: string,
    readonly line: number,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly values: readonly string[],
    private readonly problems: GtfsProblemLog,
  ) {}

  get isValid(): boolean {
    return !this.problemFound;
  }

  /** The trimmed value; '' when empty or when the file lacks the column. */
  text(column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : (this.values[index] ?? '');
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === '') this.fail(`${column} is empty`);
    return value;
  }

  /** A YYYYMMDD date as 'YYYY-MM-DD'. */
  date(column: string): string {
    const value = this.required(column);
    if (value === '') return '';
    const isoDate = isoDateOf(value);
    if (isoDate === null) this.fail(`${column} "${value}" is not a valid YYYYMMDD date`);
    return isoDate ?? '';
  }

  /** One of `allowed` (e.g. 0/1 flags); `whenEmpty` is the default, or null when a value is required. */
  choice<T extends number>(column: string, allowed: readonly T[], whenEmpty: T | null): T {
    const value = this.text(column);
    if (value === '' && whenEmpty !== null) return whenEmpty;
    const chosen = allowed.find((candidate) => String(candidate) === value);
    if (chosen === undefined) this.fail(`${column} "${value}" is not one of ${allowed.join(', ')}`);
    return chosen ?? allowed[0];
  }

  /** A latitude or longitude within ±limit; null when empty. */
  coordinate(column: string, limit: 90 | 180): number | null {
    const value = this.text(column);
    if (value === '') return null;
    const degrees = Number(value);
    if (!Number.isFinite(degrees) || Math.abs(degrees) > limit) {
      this.fail(`${column} "${value}" is not a number between -${limit} and ${limit}`);
    }
    return degrees;
  }

  /** Columns whose values differ between this row and an earlier row of the same file. */
  columnsDifferingFrom(earlier: GtfsRow): string[] {
    return [...this.columns.keys()].filter((column) => this.text(column) !== earlier.text(column));
  }

  /** The row's key (by default its `column` value); logs an error when an earlier row had it. */
  claimKey(column: string, firstLines: Map<string, number>, key = this.required(column)): string {
    if (key === '') return key;
    const firstLine = firstLines.get(key);
    if (firstLine === undefined) firstLines.set(key, this.line);
    else this.fail(`repeats ${column} ${key} of line ${firstLine}`);
    return key;
  }

  fail(reason: string): void {
    this.problemFound = true;
    this.problems.error(this.file, this.line, reason);
  }
}

function isoDateOf(yyyymmdd: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!match) return null;
  const [, year, month, day] = match;
  // Date.UTC rolls 20210231 over into March; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const isoDate = `${year}-${month}-${day}`;
  return date.toISOString().startsWith(isoDate) ? isoDate : null;
}

/** A column the file must have, or a list of columns of which it must have at least one. */
export type RequiredColumn = string | readonly string[];

export interface GtfsTableSpec {
  file: string;
  required: boolean;
  columns: readonly RequiredColumn[];
}

const table = (file: string, required: boolean, ...columns: RequiredColumn[]): GtfsTableSpec => ({
  file,
  required,
  columns,
});

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** The files the reader knows, with the columns each must have (from the GTFS reference). */
export const GTFS_TABLES = {
  agency: table('agency.txt', true, 'agency_name', 'agency_url', 'agency_timezone'),
  routes: table('routes.txt', true, 'route_id', 'route_type', [
    'route_short_name',
    'route_long_name',
  ]),
  stops: table('stops.txt', true, 'stop_id'),
  trips: table('trips.txt', false, 'route_id', 'service_id', 'trip_id'),
  attributions: table('attributions.txt', false, 'organization_name', [
    'trip_id',
    'route_id',
    'agency_id',
  ]),
  calendar: table('calendar.txt', false, 'service_id', ...WEEKDAYS, 'start_date', 'end_date'),
  calendarDates: table('calendar_dates.txt', false, 'service_id', 'date', 'exception_type'),
  feedInfo: table('feed_info.txt', false),
  stopTimes: table('stop_times.txt', false, 'trip_id', 'stop_id'),
};

/**
 * How far a file was read: 'complete' means every row was seen, so its ids can be used to check
 * references; after 'partial' (a CSV error midway) or 'unusable' (bad header) they cannot.
 */
export type GtfsTableStatus = 'absent' | 'unusable' | 'partial' | 'complete';

/** Streams one CSV file of the feed, checking its header, and hands each data row to `onRow`. */
export async function readGtfsTable(
  stream: Readable,
  spec: GtfsTableSpec,
  problems: GtfsProblemLog,
  onRow: (row: GtfsRow) => void,
): Promise<GtfsTableStatus> {
  const parser = parse({
    bom: true,
    trim: true,
    // Lines are counted here, blank ones included: csv-parse's `info` costs half its speed.
    skip_empty_lines: false,
    relax_column_count: true,
    // Feeds mix line endings, even within one file: auto-detection would pick only the first.
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  // A failure on either side destroys the parser, so it surfaces in the loop below.
  pipeline(stream, parser, () => undefined);
  let columns: Map<string, number> | null = null;
  let headerLength = 0;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (problems.isFull) return 'partial';
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(record);
      if (record.length === 1 && record[0] === '') continue;
      if (columns === null) {
        columns = columnIndex(record);
        headerLength = record.length;
        if (!hasRequiredColumns(columns, spec, line, problems)) return 'unusable';
        continue;
      }
      // Fewer values are taken as empty trailing ones: exporters often drop them.
      if (record.length > headerLength) {
        const reason = `has ${record.length} values but the header has ${headerLength} columns`;
        problems.error(spec.file, line, reason);
        continue;
      }
      onRow(new GtfsRow(spec.file, line, columns, record, problems));
    }
  } catch (error) {
    reportReadError(spec.file, error, nextLine - 1, problems);
    return columns === null ? 'unusable' : 'partial';
  } finally {
    stream.destroy();
  }
  if (columns === null) {
    if (!spec.required) return 'absent';
    problems.error(spec.file, null, 'is empty');
    return 'unusable';
  }
  return 'complete';
}

function columnIndex(header: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    if (!columns.has(name)) columns.set(name, index);
  });
  return columns;
}

function hasRequiredColumns(
  columns: ReadonlyMap<string, number>,
  spec: GtfsTableSpec,
  headerLine: number,
  problems: GtfsProblemLog,
): boolean {
  let complete = true;
  for (const required of spec.columns) {
    const options = typeof required === 'string' ? [required] : required;
    if (options.some((column) => columns.has(column))) continue;
    complete = false;
    const reason =
      options.length === 1
        ? `lacks the required column ${options[0]}`
        : `lacks all of the columns ${options.join(', ')} (one is required)`;
    problems.error(spec.file, headerLine, reason);
  }
  return complete;
}

/** Line breaks inside the record's quoted values, which make it span more than one line. */
function lineBreaksIn(record: readonly string[]): number {
  let lineBreaks = 0;
  for (const value of record) {
    if (!value.includes('\n') && !value.includes('\r')) continue;
    lineBreaks += value.split(/\r\n|\r|\n/).length - 1;
  }
  return lineBreaks;
}

const CSV_ERROR_REASONS: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'has a quote that is never closed',
  INVALID_OPENING_QUOTE: 'has a quote inside an unquoted value',
  CSV_INVALID_CLOSING_QUOTE: 'has text right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'has text right after a closing quote',
  CSV_MAX_RECORD_SIZE: `has a row longer than ${MAX_RECORD_CHARACTERS} characters (a stray quote?)`,
};

function reportReadError(
  file: string,
  error: unknown,
  lastLineRead: number,
  problems: GtfsProblemLog,
): void {
  if (error instanceof CsvError) {
    const line = typeof error.lines === 'number' ? error.lines : null;
    let reason = CSV_ERROR_REASONS[error.code] ?? `is not valid CSV (${error.message})`;
    // csv-parse notices an unclosed quote only at the end of the file; point at where it began.
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      reason +=
        lastLineRead === 0 ? ' (in the header)' : ` (in the row after line ${lastLineRead})`;
    }
    problems.error(file, line, reason);
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  problems.error(file, null, `cannot be read (${detail})`);
}
