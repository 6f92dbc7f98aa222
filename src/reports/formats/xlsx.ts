import ExcelJS from 'exceljs';
import type { ReportColumnType, ReportDocument, ReportTable } from '../report-document';
import {
  DEFAULT_TIME_ZONE,
  formatDisplay,
  formatPeriod,
  formatTimestamp,
  type FormatOptions,
} from './swedish-numbers';

/**
 * Excel's format codes are locale-neutral: a Swedish Excel shows `0.0` as "3,5". A percent
 * cell holds the fraction (0.25) so that sums and charts in Excel stay right.
 */
const NUMBER_FORMATS: Record<ReportColumnType, string | undefined> = {
  text: undefined,
  int: '0',
  decimal: '0.0',
  percent: '0.0%',
  hours: '0.0',
};

const OVERVIEW = 'Översikt';

/**
 * The report as a workbook: an "Översikt" sheet with the title, period, generated-at time
 * and notes, then one sheet per table with a bold, frozen header and typed number cells.
 * Cells are plain values, never formulas, so text from the document cannot execute.
 */
export async function toXlsx(doc: ReportDocument, options: FormatOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Synpunkt';
  workbook.title = doc.title;
  workbook.created = doc.generatedAt;
  workbook.modified = doc.generatedAt;

  const taken = new Set([OVERVIEW.toLowerCase()]);
  const sheetNames = doc.tables.map((table) => uniqueSheetName(table.title || table.id, taken));
  addOverview(workbook, doc, sheetNames, options);
  doc.tables.forEach((table, index) => addTable(workbook, table, sheetNames[index]));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addOverview(
  workbook: ExcelJS.Workbook,
  doc: ReportDocument,
  sheetNames: string[],
  options: FormatOptions,
): void {
  const sheet = workbook.addWorksheet(OVERVIEW);
  sheet.columns = [{ width: 18 }, { width: 90 }];
  sheet.addRow([doc.title]).font = { bold: true, size: 14 };
  sheet.addRow([doc.subtitle]);
  sheet.addRow([]);
  sheet.addRow(['Period', formatPeriod(doc.period)]);
  sheet.addRow(['Skapad', formatTimestamp(doc.generatedAt, options.timeZone ?? DEFAULT_TIME_ZONE)]);
  if (doc.notes.length > 0) {
    sheet.addRow([]);
    sheet.addRow(['Anmärkningar']).font = { bold: true };
    for (const note of doc.notes)
      sheet.addRow(['', note]).getCell(2).alignment = { wrapText: true };
  }
  sheet.addRow([]);
  sheet.addRow(['Flikar']).font = { bold: true };
  doc.tables.forEach((table, index) => sheet.addRow([sheetNames[index], table.title]));
}

function addTable(workbook: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Column styles, not per-cell ones: exceljs copies them to each new row's cells.
  sheet.columns = table.columns.map((column) => {
    const format = NUMBER_FORMATS[column.type];
    return {
      header: column.label,
      key: column.key,
      width: columnWidth(table, column.key, column.type, column.label),
      style: format ? { numFmt: format } : {},
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(
    table.rows.map((row) =>
      Object.fromEntries(
        table.columns.map((column) => [column.key, cellValue(row[column.key] ?? null)]),
      ),
    ),
  );
  if (table.columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.columns.length },
    };
}

function cellValue(cell: string | number | null): string | number | null {
  return typeof cell === 'number' && !Number.isFinite(cell) ? null : cell;
}

// Wide enough for the heading (plus the filter button) and the widest shown value, within reason.
function columnWidth(table: ReportTable, key: string, type: ReportColumnType, label: string) {
  let widest = label.length + 3;
  for (const row of table.rows) {
    const cell = row[key] ?? null;
    if (cell !== null) widest = Math.max(widest, formatDisplay(cell, type).length);
  }
  return Math.min(60, Math.max(8, widest + 2));
}

/**
 * Excel refuses a sheet name over 31 characters, with any of `[]:*?/\`, starting or
 * ending with an apostrophe, or equal (ignoring case) to another sheet's or "History".
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const cleaned =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '') || 'Tabell';
  const base = cleaned.toLowerCase() === 'history' ? `${cleaned} 1` : cleaned;
  let candidate = clip(base, 31);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${clip(base, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

// Cut at a word boundary when one is near, so a tab reads "… per kategori", not "… per kat".
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // One character more, to see whether the cut falls just before a space.
  const space = text.slice(0, max + 1).lastIndexOf(' ');
  return text.slice(0, space > max * 0.6 ? space : max).trim();
}
