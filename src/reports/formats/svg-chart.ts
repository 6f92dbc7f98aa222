import { type ChartModel, position } from './chart-model';

const WIDTH = 720;
const FONT = 12;
const BAR = 14;
const LEGEND = 26;

/** Escapes text for HTML and SVG content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A chart as inline SVG: horizontal bars (long Swedish category names stay readable) or a
 * line per series over the months. `role="img"` with a `<title>` gives assistive
 * technology one sentence; the table that follows it is the accessible data.
 */
export function svgChart(model: ChartModel, id: string, title: string): string {
  const body = model.type === 'bar' ? barChart(model) : lineChart(model);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title" ` +
    `viewBox="0 0 ${WIDTH} ${body.height}" width="${WIDTH}" height="${body.height}" class="chart">` +
    `<title id="${id}-title">${escapeHtml(`Diagram: ${title}. Samma uppgifter finns i tabellen nedan.`)}</title>` +
    body.content +
    `</svg>`
  );
}

function barChart(model: ChartModel): { height: number; content: string } {
  const groups = model.labels.length;
  const perGroup = model.series.length * BAR + (model.series.length - 1) * 2;
  const gap = 10;
  const top = legendHeight(model);
  const plotHeight = groups * (perGroup + gap);
  const height = top + plotHeight + 28;
  const longest = Math.max(...model.labels.map((label) => label.length));
  const labelWidth = Math.min(260, Math.max(80, textWidth('x'.repeat(longest))));
  const x0 = labelWidth + 12;
  const plotWidth = WIDTH - x0 - 76;
  const x = (value: number) => x0 + position(model, value, plotWidth);
  const parts: string[] = [legend(model, x0)];

  parts.push(axisTicks(model, x, top, top + plotHeight));
  model.labels.forEach((label, group) => {
    const groupTop = top + group * (perGroup + gap) + gap / 2;
    const shown = truncate(label, labelWidth);
    parts.push(
      `<text x="${x0 - 8}" y="${groupTop + perGroup / 2}" text-anchor="end" dominant-baseline="middle">` +
        `${shown === label ? '' : `<title>${escapeHtml(label)}</title>`}${escapeHtml(shown)}</text>`,
    );
    model.series.forEach((series, index) => {
      const value = series.values[group];
      if (value === null) return;
      const y = groupTop + index * (BAR + 2);
      const start = x(Math.min(0, value));
      const width = Math.max(Math.abs(x(value) - x(0)), value === 0 ? 0 : 1);
      parts.push(
        `<rect x="${r(start)}" y="${y}" width="${r(width)}" height="${BAR}" fill="${series.color}"/>` +
          `<text x="${r(x(Math.max(0, value)) + 4)}" y="${y + BAR / 2}" dominant-baseline="middle" class="value">` +
          `${escapeHtml(model.format(value))}</text>`,
      );
    });
  });
  parts.push(
    `<line x1="${r(x(0))}" y1="${top}" x2="${r(x(0))}" y2="${top + plotHeight}" class="axis"/>`,
  );
  return { height, content: parts.join('') };
}

function axisTicks(model: ChartModel, x: (v: number) => number, top: number, bottom: number) {
  return model.ticks
    .map(
      (tick) =>
        `<line x1="${r(x(tick))}" y1="${top}" x2="${r(x(tick))}" y2="${bottom}" class="grid"/>` +
        `<text x="${r(x(tick))}" y="${bottom + 16}" text-anchor="middle" class="tick">` +
        `${escapeHtml(model.format(tick))}</text>`,
    )
    .join('');
}

function lineChart(model: ChartModel): { height: number; content: string } {
  const top = legendHeight(model) + 8;
  const plotHeight = 220;
  const height = top + plotHeight + 44;
  const x0 = Math.max(48, ...model.ticks.map((tick) => textWidth(model.format(tick)) + 14));
  const plotWidth = WIDTH - x0 - 56;
  const step = plotWidth / model.labels.length;
  const x = (index: number) => x0 + (index + 0.5) * step;
  const y = (value: number) => top + plotHeight - position(model, value, plotHeight);
  const parts: string[] = [legend(model, x0)];

  for (const tick of model.ticks) {
    parts.push(
      `<line x1="${x0}" y1="${r(y(tick))}" x2="${x0 + plotWidth}" y2="${r(y(tick))}" class="grid"/>` +
        `<text x="${x0 - 8}" y="${r(y(tick))}" text-anchor="end" dominant-baseline="middle" class="tick">` +
        `${escapeHtml(model.format(tick))}</text>`,
    );
  }
  parts.push(
    `<line x1="${x0}" y1="${r(y(model.min))}" x2="${x0 + plotWidth}" y2="${r(y(model.min))}" class="axis"/>`,
  );
  model.axis.forEach((label, index) => {
    parts.push(
      `<text x="${r(x(index))}" y="${top + plotHeight + 16}" text-anchor="middle" class="tick">` +
        `${escapeHtml(label.line1)}</text>`,
    );
    if (label.line2)
      parts.push(
        `<text x="${r(x(index))}" y="${top + plotHeight + 31}" text-anchor="middle" class="tick">` +
          `${escapeHtml(label.line2)}</text>`,
      );
  });
  model.series.forEach((series, index) => {
    // A missing month breaks the line instead of drawing a slope through it.
    let path = '';
    let drawing = false;
    series.values.forEach((value, point) => {
      if (value === null) {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${r(x(point))} ${r(y(value))}`;
      drawing = true;
    });
    parts.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2.5"/>`);
    series.values.forEach((value, point) => {
      if (value !== null) parts.push(marker(index, x(point), y(value), series.color));
    });
    const last = lastKnown(series.values);
    if (last !== undefined)
      parts.push(
        `<text x="${r(x(last) + 8)}" y="${r(y(series.values[last] ?? 0))}" dominant-baseline="middle" class="value">` +
          `${escapeHtml(model.format(series.values[last] ?? 0))}</text>`,
      );
  });
  return { height, content: parts.join('') };
}

function lastKnown(values: (number | null)[]): number | undefined {
  for (let index = values.length - 1; index >= 0; index--) if (values[index] !== null) return index;
  return undefined;
}

// A different shape per series, so lines are told apart without colour too.
function marker(series: number, cx: number, cy: number, color: string): string {
  switch (series % 3) {
    case 0:
      return `<circle cx="${r(cx)}" cy="${r(cy)}" r="4" fill="${color}"/>`;
    case 1:
      return `<rect x="${r(cx - 4)}" y="${r(cy - 4)}" width="8" height="8" fill="${color}"/>`;
    default:
      return `<path d="M${r(cx)} ${r(cy - 5)}L${r(cx + 5)} ${r(cy)}L${r(cx)} ${r(cy + 5)}L${r(cx - 5)} ${r(cy)}Z" fill="${color}"/>`;
  }
}

function legendHeight(model: ChartModel): number {
  return model.series.length > 1 ? LEGEND : 4;
}

function legend(model: ChartModel, x0: number): string {
  if (model.series.length < 2) return '';
  let x = x0;
  return model.series
    .map((series, index) => {
      const item =
        (model.type === 'line'
          ? `<line x1="${x}" y1="10" x2="${x + 22}" y2="10" stroke="${series.color}" stroke-width="2.5"/>` +
            marker(index, x + 11, 10, series.color)
          : `<rect x="${x}" y="3" width="14" height="14" fill="${series.color}"/>`) +
        `<text x="${x + 28}" y="10" dominant-baseline="middle">${escapeHtml(series.label)}</text>`;
      x += 28 + textWidth(series.label) + 24;
      return item;
    })
    .join('');
}

// A sans-serif character averages a little over half the font size; close enough for layout.
function textWidth(text: string): number {
  return text.length * FONT * 0.56;
}

function truncate(text: string, width: number): string {
  const fits = Math.floor(width / (FONT * 0.56));
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1)).trimEnd()}…`;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
