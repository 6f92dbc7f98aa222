import { parse } from 'csv-parse/sync';

/** One row of a ridership file, as it will be stored. */
export interface RidershipRow {
  /** 'YYYY-MM'. */
  month: string;
  /** The contract's code, as the area file names it. */
  contract: string;
  /** '' for the whole contract. */
  line: string;
  boardings: number;
  /** Where the row stood in the file (1 = the header). */
  lineNo: number;
}

/** What is wrong with a file: the line (1 = the header), the column, and why. */
export interface RidershipFileError {
  line: number;
  column: string;
  reason: string;
}

export type RidershipFileResult =
  { ok: true; rows: RidershipRow[] } | { ok: false; errors: RidershipFileError[] };

export const RIDERSHIP_COLUMNS = ['month', 'contract', 'line', 'boardings'] as const;
const REQUIRED = ['month', 'contract', 'boardings'];
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
// Digits, optionally grouped by thousands with spaces as Swedish Excel writes them
// (a plain, a no-break or a narrow no-break space).
const BOARDINGS = /^(\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)$/;

/** The separator of the header line: ';' as Swedish Excel writes, else ','. */
function separatorOf(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const semicolons = header.split(';').length - 1;
  const commas = header.split(',').length - 1;
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads a ridership file (`month,contract,line,boardings`; `;` also, a UTF-8 BOM allowed)
 * against the contract codes of the area. Pure: the whole file is judged, and either every
 * row comes back or every error does (nothing of a bad file is to be stored).
 */
export function parseRidershipFile(
  text: string,
  isContract: (code: string) => boolean,
): RidershipFileResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    return { ok: false, errors: [{ line: 1, column: '-', reason: 'the file is empty' }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: separatorOf(body),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    // csv-parse's own errors (the sync entry's class is not the main one's): codes CSV_….
    const csv = error as { code?: unknown; lines?: number; message?: string };
    if (typeof csv.code !== 'string' || !csv.code.startsWith('CSV_')) throw error;
    return {
      ok: false,
      errors: [{ line: csv.lines ?? 1, column: '-', reason: `not readable CSV: ${csv.message}` }],
    };
  }

  const errors: RidershipFileError[] = [];
  const [head, ...data] = records;
  const header = head.record.map((name) => name.trim().toLowerCase());
  const headerLine = head.info.lines;
  header.forEach((name, index) => {
    if (!(RIDERSHIP_COLUMNS as readonly string[]).includes(name))
      errors.push({
        line: headerLine,
        column: name || `#${index + 1}`,
        reason: `is not a column of a ridership file (${RIDERSHIP_COLUMNS.join(', ')})`,
      });
    else if (header.indexOf(name) !== index)
      errors.push({ line: headerLine, column: name, reason: 'appears twice in the header' });
  });
  for (const name of REQUIRED)
    if (!header.includes(name))
      errors.push({ line: headerLine, column: name, reason: 'is missing from the header' });
  if (errors.length) return { ok: false, errors };
  if (data.length === 0)
    return {
      ok: false,
      errors: [{ line: headerLine, column: '-', reason: 'the file has no rows' }],
    };

  const rows: RidershipRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of data) {
    const lineNo = info.lines;
    if (record.length !== header.length) {
      errors.push({
        line: lineNo,
        column: '-',
        reason: `has ${record.length} values, the header ${header.length}`,
      });
      continue;
    }
    const value = (name: string) => {
      const index = header.indexOf(name);
      return index < 0 ? '' : (record[index] ?? '').trim();
    };
    const before = errors.length;
    const month = value('month');
    if (!MONTH.test(month))
      errors.push({
        line: lineNo,
        column: 'month',
        reason: month ? `"${month}" is not a month YYYY-MM` : 'is empty',
      });
    const contract = value('contract');
    if (!contract) errors.push({ line: lineNo, column: 'contract', reason: 'is empty' });
    else if (!isContract(contract))
      errors.push({
        line: lineNo,
        column: 'contract',
        reason: `"${contract}" is not a contract of the area`,
      });
    const line = value('line');
    if (line.length > 100)
      errors.push({ line: lineNo, column: 'line', reason: 'is longer than 100 characters' });
    const rawBoardings = value('boardings');
    const boardings = BOARDINGS.test(rawBoardings)
      ? Number(rawBoardings.replace(/[ \u00a0\u202f]/g, ''))
      : NaN;
    if (!rawBoardings) errors.push({ line: lineNo, column: 'boardings', reason: 'is empty' });
    else if (!Number.isSafeInteger(boardings))
      errors.push({
        line: lineNo,
        column: 'boardings',
        reason: `"${rawBoardings}" is not a whole number of boardings (0 or more)`,
      });
    if (errors.length > before) continue;
    const key = `${month}\n${contract}\n${line}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line: lineNo,
        column: 'line',
        reason: `repeats line ${earlier} (the same month, contract and line)`,
      });
      continue;
    }
    seen.set(key, lineNo);
    rows.push({ month, contract, line, boardings, lineNo });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/** An error as one line of text: `line 3, boardings: "12,5" is not …`. */
export function describeRidershipError(error: RidershipFileError): string {
  return `line ${error.line}, ${error.column}: ${error.reason}`;
}
