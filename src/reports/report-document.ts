/**
 * A report as the formats see it: a title, a period and a list of tables, each optionally
 * drawn as a chart. The monthly export and the cycle report are both built as one of
 * these, so CSV, XLSX, HTML and PDF are written once for every report.
 *
 * No table ever holds personal data or a traveller's free text: only codes, labels,
 * counts and durations.
 */
export interface ReportDocument {
  /** For file names: `monthly-2026-11-UL-STAD-2019`. */
  slug: string;
  /** Swedish, for the forum: "Synpunkter november 2026 – UL-STAD-2019 Stadstrafiken". */
  title: string;
  subtitle: string;
  /** The period covered, local days, inclusive. */
  period: { from: string; to: string };
  generatedAt: Date;
  tables: ReportTable[];
  /** Short explanations printed under the title (definitions, sources, caveats). */
  notes: string[];
}

export type ReportColumnType = 'text' | 'int' | 'decimal' | 'percent' | 'hours';

export interface ReportColumn {
  key: string;
  /** Swedish column heading. */
  label: string;
  type: ReportColumnType;
}

/** A cell: text, a number (a percent is a fraction, 0.25 = 25 %), or nothing known. */
export type ReportCell = string | number | null;

export interface ReportTable {
  /** Stable and file-name safe: `counts-by-category` → `counts-by-category.csv`, a sheet. */
  id: string;
  /** Swedish heading. */
  title: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
  /** Drawn in HTML and PDF: one bar or line per `values` column along the `label` column. */
  chart?: { type: 'bar' | 'line'; label: string; values: string[] };
}
