import type { ReportDocument, ReportTable } from '../report-document';

/**
 * A monthly report shaped like the engine's, for the format tests and the documentation
 * samples. It carries the awkward cases on purpose: åäö, markup in a label, a cell that
 * looks like a spreadsheet formula, a quote and a semicolon, nulls, and a table long
 * enough to break over PDF pages.
 */
export function sampleReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    slug: 'monthly-2026-11-UL-STAD-2019',
    title: 'Synpunkter november 2026 – UL-STAD-2019 Stadstrafiken',
    subtitle: 'Gamla Uppsala Buss AB för Region Uppsala (UL)',
    period: { from: '2026-11-01', to: '2026-11-30' },
    generatedAt: new Date('2026-12-01T06:05:00Z'),
    notes: [
      'Ärenden räknas i den månad de kom in, oavsett när de avslutades.',
      'Svarstid är tiden till första svar till resenären, i kalendertimmar.',
      'Andel inom mål: svar inom 72 timmar enligt avtalets bilaga 4.',
    ],
    tables: [countsByKind(), countsByCategory(), trend13Months(), responseTimes(), countsByLine()],
    ...overrides,
  };
}

export function countsByKind(): ReportTable {
  const rows: [string, number][] = [
    ['Klagomål', 412],
    ['Beröm', 58],
    ['Fråga', 131],
    ['Förslag', 37],
    ['Förseningsersättning', 1204],
  ];
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  return {
    id: 'counts-by-kind',
    title: 'Ärenden per typ',
    columns: [
      { key: 'kind', label: 'Ärendetyp', type: 'text' },
      { key: 'count', label: 'Antal', type: 'int' },
      { key: 'share', label: 'Andel', type: 'percent' },
    ],
    rows: rows.map(([kind, count]) => ({ kind, count, share: count / total })),
    chart: { type: 'bar', label: 'kind', values: ['count'] },
  };
}

export function countsByCategory(): ReportTable {
  const rows: [string, number, number | null][] = [
    ['Förseningar och inställda turer', 168, 201],
    ['Bemötande från förare', 74, 69],
    ['Trängsel ombord', 51, 38],
    ['Hållplatser och väderskydd', 33, 41],
    ['Störande medresenärer', 22, 25],
    ['Biljetter och betalning (app, kort; kontant)', 29, 30],
    ['Framkomlighet för rullstol och barnvagn', 18, 11],
    ['Städning och klotter', 12, 17],
    ['Övrigt <b>ej angivet</b>', 5, null],
  ];
  return {
    id: 'counts-by-category',
    title: 'Klagomål per kategori',
    columns: [
      { key: 'category', label: 'Kategori', type: 'text' },
      { key: 'month', label: 'November 2026', type: 'int' },
      { key: 'previous', label: 'Oktober 2026', type: 'int' },
    ],
    rows: rows.map(([category, month, previous]) => ({ category, month, previous })),
    chart: { type: 'bar', label: 'category', values: ['month', 'previous'] },
  };
}

export function trend13Months(): ReportTable {
  const complaints = [388, 401, 455, 372, 340, 359, 330, 298, 276, 351, 397, 420, 412];
  const praise = [41, 39, 35, 44, 52, 61, 70, 66, 49, 47, 53, null, 58];
  return {
    id: 'trend-13-months',
    title: 'Klagomål och beröm, 13 månader',
    columns: [
      { key: 'month', label: 'Månad', type: 'text' },
      { key: 'complaints', label: 'Klagomål', type: 'int' },
      { key: 'praise', label: 'Beröm', type: 'int' },
    ],
    rows: complaints.map((count, index) => {
      const date = new Date(Date.UTC(2025, 10 + index, 1));
      const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
      return { month, complaints: count, praise: praise[index] };
    }),
    chart: { type: 'line', label: 'month', values: ['complaints', 'praise'] },
  };
}

export function responseTimes(): ReportTable {
  return {
    id: 'response-times',
    title: 'Svarstider per part',
    columns: [
      { key: 'party', label: 'Part', type: 'text' },
      { key: 'cases', label: 'Besvarade ärenden', type: 'int' },
      { key: 'median', label: 'Median', type: 'hours' },
      { key: 'p90', label: '90:e percentil', type: 'hours' },
      { key: 'withinTarget', label: 'Inom mål', type: 'percent' },
    ],
    rows: [
      { party: 'Region Uppsala (UL)', cases: 143, median: 12.5, p90: 47.25, withinTarget: 0.958 },
      { party: 'Gamla Uppsala Buss AB', cases: 1621, median: 20.75, p90: 70.5, withinTarget: 0.25 },
      { party: 'Tåg i Bergslagen', cases: 75, median: 31, p90: 96.125, withinTarget: 0.8133 },
      { party: 'Okänd part', cases: 0, median: null, p90: null, withinTarget: null },
    ],
    chart: { type: 'bar', label: 'party', values: ['median', 'p90'] },
  };
}

/** Long on purpose: it fills more than one PDF page. */
export function countsByLine(): ReportTable {
  const rows = Array.from({ length: 60 }, (_, index) => {
    const line = index + 1;
    const boardings = 20_000 + ((line * 7919) % 150_000);
    const complaints = (line * 37) % 41;
    return {
      line: `Linje ${line} ${line % 3 === 0 ? 'Gottsunda – Centralstationen' : 'Flogsta – Sävja'}`,
      boardings,
      complaints,
      perHundredThousand: (complaints / boardings) * 100_000,
    };
  });
  // A line name as a careless GTFS export or a hostile admin could give it.
  rows.push({
    line: '=HYPERLINK("http://example.invalid";"Linje 4")',
    boardings: 1_234_567,
    complaints: 3,
    perHundredThousand: 0.243,
  });
  return {
    id: 'counts-by-line',
    title: 'Klagomål per linje',
    columns: [
      { key: 'line', label: 'Linje', type: 'text' },
      { key: 'boardings', label: 'Påstigande', type: 'int' },
      { key: 'complaints', label: 'Klagomål', type: 'int' },
      { key: 'perHundredThousand', label: 'Per 100 000 påstigande', type: 'decimal' },
    ],
    rows,
  };
}
