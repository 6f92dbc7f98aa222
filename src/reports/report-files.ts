import { toCsvZip } from './formats/csv';
import { toHtml } from './formats/html';
import { toPdf } from './formats/pdf';
import { toXlsx } from './formats/xlsx';
import type { ReportDocument } from './report-document';
import type { ReportFormat } from './report-request';

/** A report written as a file: its bytes, type and name. */
export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export type ReportFileFormat = Exclude<ReportFormat, 'json'>;

const TYPES: Record<ReportFileFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'application/zip', extension: 'zip' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
};

/** One place that knows each format's writer, type and file name. */
export async function reportFile(
  doc: ReportDocument,
  format: ReportFileFormat,
  timeZone: string,
): Promise<ReportFile> {
  const options = { timeZone };
  const body =
    format === 'csv'
      ? await toCsvZip(doc, options)
      : format === 'xlsx'
        ? await toXlsx(doc, options)
        : format === 'pdf'
          ? await toPdf(doc, options)
          : Buffer.from(toHtml(doc, options), 'utf8');
  const { contentType, extension } = TYPES[format];
  return { body, contentType, fileName: `${doc.slug}.${extension}` };
}
