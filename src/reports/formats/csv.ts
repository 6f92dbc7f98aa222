import { ZipFile } from 'yazl';
import type { ReportDocument, ReportTable } from '../report-document';
import {
  csvHeader,
  DEFAULT_TIME_ZONE,
  formatCsvValue,
  formatPeriod,
  formatTimestamp,
  type FormatOptions,
} from './swedish-numbers';

// Excel picks UTF-8 only with the byte-order mark; without it åäö arrive as mojibake.
const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/**
 * The report as a zip of CSV files, one per table (`<table.id>.csv`), and a `README.txt`
 * with the title, period and notes. Each CSV opens as-is in a Swedish Excel: UTF-8 with a
 * BOM, semicolons, CRLF, decimal commas.
 */
export async function toCsvZip(doc: ReportDocument, options: FormatOptions = {}): Promise<Buffer> {
  const zip = new ZipFile();
  // The document's own time, not now: the same report gives the same archive.
  const entry = { mtime: doc.generatedAt };
  const names = new Set<string>();
  const files: string[] = [];
  for (const table of doc.tables) {
    const name = uniqueName(`${safeFileStem(table.id)}.csv`, names);
    files.push(`${name}: ${table.title}`);
    zip.addBuffer(Buffer.from(tableToCsv(table), 'utf8'), name, entry);
  }
  zip.addBuffer(Buffer.from(readme(doc, files, options), 'utf8'), 'README.txt', entry);
  zip.end();
  return collect(zip.outputStream);
}

/** One table as CSV text, BOM included. */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((column) => csvField(csvHeader(column), true))];
  for (const row of table.rows) {
    lines.push(
      table.columns.map((column) => {
        const cell = row[column.key] ?? null;
        // Only text from the document is guarded; our own "-1,5" must stay a number.
        return csvField(formatCsvValue(cell, column.type), typeof cell === 'string');
      }),
    );
  }
  return BOM + lines.map((fields) => fields.join(SEPARATOR)).join(EOL) + EOL;
}

/**
 * A field quoted per RFC 4180 when it holds a separator, quote or line break. Text that a
 * spreadsheet would read as a formula gets a leading apostrophe (OWASP's CSV injection
 * advice), which Excel shows as plain text.
 */
export function csvField(value: string, isText: boolean): string {
  const guarded = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function readme(doc: ReportDocument, files: string[], options: FormatOptions): string {
  const lines = [
    doc.title,
    doc.subtitle,
    '',
    `Period: ${formatPeriod(doc.period)}`,
    `Skapad: ${formatTimestamp(doc.generatedAt, options.timeZone ?? DEFAULT_TIME_ZONE)}`,
    '',
    ...(doc.notes.length > 0 ? ['Anmärkningar:', ...doc.notes.map((note) => `- ${note}`), ''] : []),
    'Filer (UTF-8, semikolon, decimalkomma; procent som tal i procent, tider i timmar):',
    ...files.map((file) => `- ${file}`),
  ];
  return BOM + lines.join(EOL) + EOL;
}

// Table ids are promised file-name safe; this keeps a slip from writing outside the archive root.
function safeFileStem(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '') || 'tabell';
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++)
    candidate = name.replace(/\.csv$/, `-${n}.csv`);
  taken.add(candidate.toLowerCase());
  return candidate;
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
