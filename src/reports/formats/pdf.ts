import PDFDocument from 'pdfkit';
import type { ReportColumn, ReportDocument, ReportTable } from '../report-document';
import { chartModel } from './chart-model';
import { chartHeight, drawChart, fit } from './pdf-chart';
import {
  DEFAULT_TIME_ZONE,
  formatDisplay,
  formatPeriod,
  formatTimestamp,
  isNumericColumn,
  type FormatOptions,
} from './swedish-numbers';

const MARGIN = { top: 50, bottom: 56, left: 50, right: 50 };
const CELL_FONT = 8.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
/** Keep a heading from being stranded: its chart (or header) and a few rows come with it. */
const KEEP_WITH_HEADING = 22 + 4 * (CELL_FONT + 2 * CELL_PAD_Y + 2);

/**
 * The report as an A4 portrait PDF drawn with pdfkit's standard Helvetica (no font files,
 * no browser): a title block, then per table its chart and the table, whose header row is
 * repeated after each page break, and "Sida n av m" in every footer.
 */
export async function toPdf(doc: ReportDocument, options: FormatOptions = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: pdfText(doc.title),
      Subject: pdfText(doc.subtitle),
      Creator: 'Synpunkt',
      CreationDate: doc.generatedAt,
    },
  });
  const done = collect(pdf);

  titleBlock(pdf, doc, options);
  for (const table of doc.tables) tableSection(pdf, table);
  footers(pdf, doc);
  pdf.end();
  return done;
}

/**
 * The standard fonts speak WinAnsi (Windows-1252): åäö, é, the en dash and the ellipsis
 * are in it, but pdfkit writes any other character as garbage. Those become their nearest
 * WinAnsi relative, or "?".
 */
export function pdfText(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, (char) => {
    const near: Record<string, string> = {
      '\u2212': '-',
      '\u2010': '-',
      '\u2011': '-',
      '\u2009': ' ',
      '\u202f': '\u00a0',
      '\u2192': '->',
      '\t': ' ',
      '\n': ' ',
      '\r': ' ',
    };
    return near[char] ?? (WIN_ANSI_EXTRA.has(char) ? char : '?');
  });
}

// The characters of 0x80–0x9F in Windows-1252, which pdfkit maps itself.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function titleBlock(pdf: PDFKit.PDFDocument, doc: ReportDocument, options: FormatOptions) {
  const width = contentWidth(pdf);
  pdf.font('Helvetica-Bold').fontSize(18).fillColor('#1a1a1a');
  pdf.text(pdfText(doc.title), MARGIN.left, MARGIN.top, { width });
  if (doc.subtitle) pdf.font('Helvetica').fontSize(12).moveDown(0.2).text(pdfText(doc.subtitle));
  const generated = formatTimestamp(doc.generatedAt, options.timeZone ?? DEFAULT_TIME_ZONE);
  pdf
    .moveDown(0.4)
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444444')
    .text(pdfText(`Period: ${formatPeriod(doc.period)}    Skapad: ${generated}`));
  if (doc.notes.length > 0) {
    pdf.moveDown(0.6).fillColor('#333333');
    pdf.list(doc.notes.map(pdfText), { width, bulletRadius: 1.5, textIndent: 10 });
  }
  const y = pdf.y + 10;
  pdf
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + width, y)
    .lineWidth(1)
    .strokeColor('#999999')
    .stroke();
  pdf.y = y + 8;
}

function tableSection(pdf: PDFKit.PDFDocument, table: ReportTable): void {
  const model = chartModel(table);
  const chart = model ? chartHeight(model) + 10 : 0;
  const bottom = pdf.page.height - MARGIN.bottom;
  const keep = KEEP_WITH_HEADING + Math.min(chart, bottom - MARGIN.top - KEEP_WITH_HEADING);
  if (pdf.y + 14 + keep > bottom) pdf.addPage();
  else pdf.y += 14;

  pdf.outline.addItem(pdfText(table.title));
  pdf.font('Helvetica-Bold').fontSize(13).fillColor('#1a1a1a');
  pdf.text(pdfText(table.title), MARGIN.left, pdf.y, { width: contentWidth(pdf) });
  pdf.y += 6;
  if (model) {
    // A chart taller than what is left of the page starts on the next one.
    if (pdf.y + chart > bottom) pdf.addPage();
    const top = pdf.y;
    drawChart(pdf, model, { x: MARGIN.left, y: top, width: contentWidth(pdf) }, pdfText);
    // Text drawn inside the chart moved the cursor; the chart's box is what counts.
    pdf.y = top + chart;
  }
  drawTable(pdf, table);
}

function drawTable(pdf: PDFKit.PDFDocument, table: ReportTable): void {
  const widths = columnWidths(pdf, table.columns, table);
  const bottom = () => pdf.page.height - MARGIN.bottom;
  const header = () => {
    pdf.font('Helvetica-Bold').fontSize(CELL_FONT);
    const cells = table.columns.map((column) => pdfText(column.label));
    const height = rowHeight(pdf, cells, widths);
    pdf.rect(MARGIN.left, pdf.y, sum(widths), height).fill('#e9edf1');
    drawRow(pdf, table.columns, cells, widths, height, '#1a1a1a');
    pdf
      .moveTo(MARGIN.left, pdf.y)
      .lineTo(MARGIN.left + sum(widths), pdf.y)
      .lineWidth(0.8)
      .strokeColor('#555555')
      .stroke();
  };
  header();
  pdf.font('Helvetica').fontSize(CELL_FONT);
  if (table.rows.length === 0) {
    pdf
      .fillColor('#555555')
      .text('Inga ärenden under perioden.', MARGIN.left + CELL_PAD_X, pdf.y + 4);
    return;
  }
  table.rows.forEach((row, index) => {
    const cells = table.columns.map((column) =>
      pdfText(formatDisplay(row[column.key] ?? null, column.type)),
    );
    pdf.font('Helvetica').fontSize(CELL_FONT);
    const height = rowHeight(pdf, cells, widths);
    if (pdf.y + height > bottom()) {
      pdf.addPage();
      header();
      pdf.font('Helvetica').fontSize(CELL_FONT);
    }
    if (index % 2 === 1) pdf.rect(MARGIN.left, pdf.y, sum(widths), height).fill('#f5f7f9');
    drawRow(pdf, table.columns, cells, widths, height, '#1a1a1a');
  });
  pdf
    .moveTo(MARGIN.left, pdf.y)
    .lineTo(MARGIN.left + sum(widths), pdf.y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
}

function drawRow(
  pdf: PDFKit.PDFDocument,
  columns: ReportColumn[],
  cells: string[],
  widths: number[],
  height: number,
  color: string,
): void {
  const top = pdf.y;
  let x = MARGIN.left;
  cells.forEach((cell, index) => {
    pdf.fillColor(color).text(cell, x + CELL_PAD_X, top + CELL_PAD_Y, {
      width: widths[index] - 2 * CELL_PAD_X,
      align: isNumericColumn(columns[index]) ? 'right' : 'left',
    });
    x += widths[index];
  });
  pdf.x = MARGIN.left;
  pdf.y = top + height;
}

function rowHeight(pdf: PDFKit.PDFDocument, cells: string[], widths: number[]): number {
  const tallest = Math.max(
    ...cells.map((cell, index) =>
      pdf.heightOfString(cell || ' ', { width: widths[index] - 2 * CELL_PAD_X }),
    ),
  );
  return tallest + 2 * CELL_PAD_Y;
}

/**
 * Numbers get the width of their widest value; text columns share what is left of the
 * page (wrapping when they must), so the table always spans the text width.
 */
function columnWidths(pdf: PDFKit.PDFDocument, columns: ReportColumn[], table: ReportTable) {
  const available = contentWidth(pdf);
  const natural = columns.map((column) => {
    pdf.font('Helvetica-Bold').fontSize(CELL_FONT);
    // Headings may wrap onto two lines rather than widen a narrow number column.
    let widest = Math.min(pdf.widthOfString(pdfText(column.label)), 90);
    pdf.font('Helvetica').fontSize(CELL_FONT);
    for (const row of table.rows)
      widest = Math.max(
        widest,
        pdf.widthOfString(pdfText(formatDisplay(row[column.key] ?? null, column.type))),
      );
    return widest + 2 * CELL_PAD_X + 1;
  });
  const text = columns.map((column) => !isNumericColumn(column));
  const fixed = sum(natural.filter((_, index) => !text[index]));
  const flexible = sum(natural.filter((_, index) => text[index]));
  if (flexible > 0 && fixed < available * 0.75) {
    const share = (available - fixed) / flexible;
    return natural.map((width, index) => (text[index] ? width * share : width));
  }
  const scale = available / sum(natural);
  return natural.map((width) => width * scale);
}

function footers(pdf: PDFKit.PDFDocument, doc: ReportDocument): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page.
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN.bottom + 20;
    const width = contentWidth(pdf);
    pdf.font('Helvetica').fontSize(8).fillColor('#555555');
    pdf.text(fit(pdf, pdfText(doc.title), width - 80), MARGIN.left, y, { lineBreak: false });
    pdf.text(`Sida ${index + 1} av ${range.count}`, MARGIN.left, y, { width, align: 'right' });
    pdf.page.margins.bottom = margin;
  }
}

function contentWidth(pdf: PDFKit.PDFDocument): number {
  return pdf.page.width - MARGIN.left - MARGIN.right;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('error', reject);
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
