import { type ChartModel, position } from './chart-model';

const BAR = 9;
const BAR_GAP = 2;
const GROUP_GAP = 6;
const LEGEND = 18;
const LINE_PLOT = 150;
const FONT = 7.5;

/** Makes text safe for the standard fonts' WinAnsi encoding (the PDF writer owns it). */
export type PdfText = (text: string) => string;

/** The height `drawChart` will use for `model`, so the caller can break the page first. */
export function chartHeight(model: ChartModel): number {
  const legend = model.series.length > 1 ? LEGEND : 0;
  if (model.type === 'line') return legend + LINE_PLOT + 34;
  const group = model.series.length * BAR + (model.series.length - 1) * BAR_GAP + GROUP_GAP;
  return legend + model.labels.length * group + 18;
}

/**
 * The chart drawn with pdfkit's own rectangles, lines and text from the same model as the
 * HTML's SVG: horizontal bars with value labels, or lines with markers over the months.
 */
export function drawChart(
  pdf: PDFKit.PDFDocument,
  model: ChartModel,
  box: { x: number; y: number; width: number },
  text: PdfText,
): void {
  pdf.save();
  pdf.font('Helvetica').fontSize(FONT).lineWidth(0.5);
  let top = box.y;
  if (model.series.length > 1) {
    legend(pdf, model, box.x, top, text);
    top += LEGEND;
  }
  if (model.type === 'bar') bars(pdf, model, { ...box, y: top }, text);
  else lines(pdf, model, { ...box, y: top }, text);
  pdf.restore();
}

function bars(
  pdf: PDFKit.PDFDocument,
  model: ChartModel,
  box: { x: number; y: number; width: number },
  text: PdfText,
): void {
  const perGroup = model.series.length * BAR + (model.series.length - 1) * BAR_GAP;
  const plotHeight = model.labels.length * (perGroup + GROUP_GAP);
  const labels = model.labels.map(text);
  const labelWidth = Math.min(
    box.width * 0.35,
    Math.max(50, ...labels.map((label) => pdf.widthOfString(label))),
  );
  const x0 = box.x + labelWidth + 6;
  const plotWidth = box.width - labelWidth - 6 - 44;
  const x = (value: number) => x0 + position(model, value, plotWidth);
  const bottom = box.y + plotHeight;

  for (const tick of model.ticks) {
    pdf.moveTo(x(tick), box.y).lineTo(x(tick), bottom).strokeColor('#dddddd').stroke();
    const label = text(model.format(tick));
    const width = pdf.widthOfString(label);
    pdf.fillColor('#555555').text(label, x(tick) - width / 2, bottom + 4, { lineBreak: false });
  }
  labels.forEach((label, group) => {
    const groupTop = box.y + group * (perGroup + GROUP_GAP) + GROUP_GAP / 2;
    const shown = fit(pdf, label, labelWidth);
    pdf
      .fillColor('#1a1a1a')
      .text(shown, x0 - 6 - pdf.widthOfString(shown), groupTop + perGroup / 2 - FONT / 2, {
        lineBreak: false,
      });
    model.series.forEach((series, index) => {
      const value = series.values[group];
      if (value === null) return;
      const y = groupTop + index * (BAR + BAR_GAP);
      const width = Math.max(Math.abs(x(value) - x(0)), value === 0 ? 0 : 0.5);
      pdf.rect(x(Math.min(0, value)), y, width, BAR).fill(series.color);
      pdf
        .fillColor('#1a1a1a')
        .text(text(model.format(value)), x(Math.max(0, value)) + 3, y + BAR / 2 - FONT / 2, {
          lineBreak: false,
        });
    });
  });
  pdf.moveTo(x(0), box.y).lineTo(x(0), bottom).strokeColor('#555555').stroke();
}

function lines(
  pdf: PDFKit.PDFDocument,
  model: ChartModel,
  box: { x: number; y: number; width: number },
  text: PdfText,
): void {
  const tickLabels = model.ticks.map((tick) => text(model.format(tick)));
  const x0 = box.x + Math.max(30, ...tickLabels.map((label) => pdf.widthOfString(label) + 6));
  const plotWidth = box.x + box.width - x0 - 34;
  const step = plotWidth / model.labels.length;
  const x = (index: number) => x0 + (index + 0.5) * step;
  const y = (value: number) => box.y + LINE_PLOT - position(model, value, LINE_PLOT);

  model.ticks.forEach((tick, index) => {
    pdf
      .moveTo(x0, y(tick))
      .lineTo(x0 + plotWidth, y(tick))
      .strokeColor('#dddddd')
      .stroke();
    const label = tickLabels[index];
    pdf
      .fillColor('#555555')
      .text(label, x0 - 4 - pdf.widthOfString(label), y(tick) - FONT / 2, { lineBreak: false });
  });
  pdf
    .moveTo(x0, y(model.min))
    .lineTo(x0 + plotWidth, y(model.min))
    .strokeColor('#555555')
    .stroke();
  model.axis.forEach((label, index) => {
    for (const [line, offset] of [
      [label.line1, 4],
      [label.line2, 4 + FONT + 2],
    ] as const) {
      if (!line) continue;
      const shown = text(line);
      pdf
        .fillColor('#555555')
        .text(shown, x(index) - pdf.widthOfString(shown) / 2, box.y + LINE_PLOT + offset, {
          lineBreak: false,
        });
    }
  });
  model.series.forEach((series, index) => {
    pdf.save().lineWidth(1.5).strokeColor(series.color);
    // A missing month breaks the line instead of drawing a slope through it.
    let drawing = false;
    series.values.forEach((value, point) => {
      if (value === null) {
        if (drawing) pdf.stroke();
        drawing = false;
        return;
      }
      if (drawing) pdf.lineTo(x(point), y(value));
      else pdf.moveTo(x(point), y(value));
      drawing = true;
    });
    if (drawing) pdf.stroke();
    pdf.restore();
    series.values.forEach((value, point) => {
      if (value !== null) marker(pdf, index, x(point), y(value), series.color);
    });
    const last = series.values.findLastIndex((value) => value !== null);
    if (last >= 0)
      pdf
        .fillColor('#1a1a1a')
        .text(
          text(model.format(series.values[last] ?? 0)),
          x(last) + 6,
          y(series.values[last] ?? 0) - FONT / 2,
          {
            lineBreak: false,
          },
        );
  });
}

// A different shape per series, so lines are told apart without colour too.
function marker(pdf: PDFKit.PDFDocument, series: number, cx: number, cy: number, color: string) {
  switch (series % 3) {
    case 0:
      pdf.circle(cx, cy, 2.5).fill(color);
      return;
    case 1:
      pdf.rect(cx - 2.5, cy - 2.5, 5, 5).fill(color);
      return;
    default:
      pdf.polygon([cx, cy - 3.2], [cx + 3.2, cy], [cx, cy + 3.2], [cx - 3.2, cy]).fill(color);
  }
}

function legend(pdf: PDFKit.PDFDocument, model: ChartModel, x: number, y: number, text: PdfText) {
  let left = x;
  model.series.forEach((series, index) => {
    if (model.type === 'line') {
      pdf
        .save()
        .lineWidth(1.5)
        .moveTo(left, y + 5)
        .lineTo(left + 16, y + 5)
        .strokeColor(series.color)
        .stroke()
        .restore();
      marker(pdf, index, left + 8, y + 5, series.color);
    } else pdf.rect(left + 4, y + 1, 8, 8).fill(series.color);
    const label = text(series.label);
    pdf.fillColor('#1a1a1a').text(label, left + 20, y + 5 - FONT / 2, { lineBreak: false });
    left += 20 + pdf.widthOfString(label) + 16;
  });
}

/** `label` shortened with an ellipsis until it fits `width` in the current font. */
export function fit(pdf: PDFKit.PDFDocument, label: string, width: number): string {
  if (pdf.widthOfString(label) <= width) return label;
  let shown = label;
  while (shown.length > 1 && pdf.widthOfString(`${shown}…`) > width) shown = shown.slice(0, -1);
  return `${shown.trimEnd()}…`;
}
