import type { ReportColumn, ReportColumnType, ReportTable } from '../report-document';
import { axisLabels, formatDisplay } from './swedish-numbers';

/**
 * A table's chart reduced to what a drawing needs, shared by the SVG (HTML) and the PDF
 * so both show the same scale, ticks, colours and labels.
 */
export interface ChartModel {
  type: 'bar' | 'line';
  /** The category or month of each point, along the label column. */
  labels: string[];
  axis: { line1: string; line2: string }[];
  series: { label: string; color: string; values: (number | null)[] }[];
  /** The axis runs from `min` to `max`; `ticks` lie between them, 0 always among them. */
  min: number;
  max: number;
  ticks: number[];
  /** The first series' column type decides how values and ticks read. */
  valueType: ReportColumnType;
  format: (value: number) => string;
}

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; each is
 * dark enough for a white value label beside it to be unnecessary (labels sit outside).
 */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** The chart of `table`, or nothing when it has none or its columns do not exist. */
export function chartModel(table: ReportTable): ChartModel | undefined {
  const chart = table.chart;
  if (!chart) return undefined;
  const byKey = new Map(table.columns.map((column) => [column.key, column]));
  const labelColumn = byKey.get(chart.label);
  const valueColumns = chart.values
    .map((key) => byKey.get(key))
    .filter((column): column is ReportColumn => column !== undefined && column.type !== 'text');
  if (!labelColumn || valueColumns.length === 0 || table.rows.length === 0) return undefined;

  const labels = table.rows.map((row) => {
    const cell = row[chart.label];
    return cell === null || cell === undefined ? '' : formatDisplay(cell, labelColumn.type);
  });
  const series = valueColumns.map((column, index) => ({
    label: column.label,
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    values: table.rows.map((row) => {
      const cell = row[column.key];
      return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
    }),
  }));
  const known = series.flatMap((entry) => entry.values.filter((v): v is number => v !== null));
  const valueType = valueColumns[0].type;
  const { min, max, ticks } = niceScale(Math.min(0, ...known), Math.max(0, ...known), valueType);
  return {
    type: chart.type,
    labels,
    axis: axisLabels(labels),
    series,
    min,
    max,
    ticks,
    valueType,
    format: (value) => formatDisplay(value, valueType),
  };
}

/**
 * Round tick steps (1, 2 or 5 times a power of ten) covering `[low, high]` in about five
 * steps; whole numbers for counts, so an axis of 0–3 complaints does not read 0,5.
 */
export function niceScale(
  low: number,
  high: number,
  type: ReportColumnType,
): { min: number; max: number; ticks: number[] } {
  const span = high - low;
  const minimumStep = type === 'int' ? 1 : type === 'percent' ? 0.001 : 0.1;
  if (span <= 0) return niceScale(low, low + minimumStep * 5, type);
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    minimumStep,
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ??
      10 * power,
  );
  const min = Math.floor(low / step + 1e-9) * step;
  const max = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(roundTo(tick, step));
  return { min: roundTo(min, step), max: roundTo(max, step), ticks };
}

// Repeated addition of 0.1 drifts; ticks are rounded to the step's own decimals.
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

/** Where `value` falls between 0 and `length` on the model's axis. */
export function position(model: ChartModel, value: number, length: number): number {
  return ((value - model.min) / (model.max - model.min)) * length;
}
