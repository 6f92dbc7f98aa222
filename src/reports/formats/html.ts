import type { ReportDocument, ReportTable } from '../report-document';
import { chartModel } from './chart-model';
import {
  DEFAULT_TIME_ZONE,
  formatDisplay,
  formatPeriod,
  formatTimestamp,
  isNumericColumn,
  type FormatOptions,
} from './swedish-numbers';
import { escapeHtml, svgChart } from './svg-chart';

// Inline and self-contained: it must render from an e-mail attachment and under the CSP
// `default-src 'none'; style-src 'unsafe-inline'; img-src data:` (no fonts, no scripts).
const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2.5rem 0 .75rem; padding-top: .75rem; border-top: 2px solid #d0d7de; }
.subtitle { font-size: 1.1rem; margin: 0 0 .75rem; color: #333; }
.meta { margin: 0 0 1rem; color: #444; }
.meta dt { display: inline; font-weight: 600; }
.meta dd { display: inline; margin: 0 1.5rem 0 .25rem; }
.notes { margin: 0 0 1rem; padding-left: 1.25rem; color: #333; }
nav ol { columns: 2; padding-left: 1.25rem; margin: .25rem 0 0; }
a { color: #0b57a4; }
figure { margin: 0 0 1rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1a1a1a; }
svg .tick { fill: #555; font-size: 11px; }
svg .value { font-size: 11px; }
svg .grid { stroke: #e3e6e8; stroke-width: 1; }
svg .axis { stroke: #555; stroke-width: 1; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; min-width: 50%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #d0d7de; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #555; background: #f3f5f7; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody th { font-weight: normal; }
.num { text-align: right; }
td.num { white-space: nowrap; }
.empty { color: #555; font-style: italic; }
footer { margin-top: 3rem; color: #555; font-size: .85rem; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  section + section { break-before: page; }
  .table-wrap { overflow: visible; }
  h2 { border-top: none; margin-top: 0; }
  figure, svg, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 15mm; }
}
`;

/**
 * The report as one self-contained HTML5 page in Swedish: head with inline CSS only (no
 * external resource, no script), title, period and notes, then per table its chart as
 * inline SVG and the table itself with caption and column headers. Every value from the
 * document is escaped.
 */
export function toHtml(doc: ReportDocument, options: FormatOptions = {}): string {
  const ids = anchorIds(doc.tables);
  const generated = formatTimestamp(doc.generatedAt, options.timeZone ?? DEFAULT_TIME_ZONE);
  const notes = doc.notes.length
    ? `<ul class="notes">${doc.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`
    : '';
  const contents =
    doc.tables.length > 1
      ? `<nav aria-label="Innehåll"><strong>Innehåll</strong><ol>${doc.tables
          .map((table, i) => `<li><a href="#${ids[i]}">${escapeHtml(table.title)}</a></li>`)
          .join('')}</ol></nav>`
      : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty data: icon keeps the browser from asking the server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : '',
    '<dl class="meta">',
    `<dt>Period:</dt><dd>${escapeHtml(formatPeriod(doc.period))}</dd>`,
    `<dt>Skapad:</dt><dd>${escapeHtml(generated)}</dd>`,
    '</dl>',
    notes,
    contents,
    '</header>',
    ...doc.tables.map((table, index) => tableSection(table, ids[index])),
    `<footer>Synpunkt · ${escapeHtml(doc.slug)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function tableSection(table: ReportTable, id: string): string {
  const model = chartModel(table);
  const chart = model ? `<figure>${svgChart(model, `${id}-chart`, table.title)}</figure>` : '';
  // The label column names each row: a screen reader announces it with every value.
  const rowHeader = table.columns.findIndex((column) => column.type === 'text');
  const head = table.columns
    .map(
      (column) =>
        `<th scope="col"${isNumericColumn(column) ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`,
    )
    .join('');
  const body = table.rows.length
    ? table.rows
        .map((row) => {
          const cells = table.columns.map((column, index) => {
            const text = escapeHtml(formatDisplay(row[column.key] ?? null, column.type));
            const numeric = isNumericColumn(column) ? ' class="num"' : '';
            return index === rowHeader
              ? `<th scope="row"${numeric}>${text}</th>`
              : `<td${numeric}>${text}</td>`;
          });
          return `<tr>${cells.join('')}</tr>`;
        })
        .join('\n')
    : `<tr><td class="empty" colspan="${Math.max(1, table.columns.length)}">Inga ärenden under perioden.</td></tr>`;
  return [
    `<section id="${id}" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(table.title)}</h2>`,
    chart,
    '<div class="table-wrap">',
    `<table><caption>${escapeHtml(table.title)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    '</div>',
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

// Anchors from the table ids, made safe and unique whatever the engine passes.
function anchorIds(tables: ReportTable[]): string[] {
  const taken = new Set<string>();
  return tables.map((table) => {
    const base = `t-${table.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
