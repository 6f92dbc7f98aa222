import type { CaseKind } from '../cases/case.model';
import type { ReportCell, ReportColumn, ReportDocument, ReportTable } from './report-document';
import type { Period } from './report.queries';

/** What the report's statements return (see report.queries.ts). */
export type { Period };

export interface CountRow {
  period: Period;
  kind: CaseKind;
  category: string | null;
  contractId: string | null;
  line: string | null;
  cases: number;
}

export interface TagRow {
  period: Period;
  kind: 'promise' | 'focus-area' | 'root-cause';
  code: string;
  cases: number;
}

export interface TrendRow {
  month: string;
  contractId: string | null;
  complaint: boolean;
  cases: number;
}

export interface ClockRow {
  caseId: string;
  kind: CaseKind;
  contractId: string | null;
  responsibleOrganisationId: string | null;
  clock: 'first-response' | 'legal-reply';
  startedAt: Date;
  dueAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
  pauses: [string | null, string | null][];
}

/** Transfers away from a contract, of cases received in the month. */
export interface TransferRow {
  contractId: string | null;
  transfers: number;
  cases: number;
  /** Of those cases, the ones now under another contract (or none). */
  moved: number;
}

export interface RidershipRow {
  month: string;
  contractId: string;
  /** '' for the whole contract. */
  line: string;
  boardings: number;
}

/** An improvement action as the report lists it. */
export interface ActionSummary {
  title: string;
  owner: string;
  status: string;
  dueOn: string | null;
  focusAreas: string[];
  rootCauses: string[];
  /** The complaint rate after the action against before it (−0.25: a quarter fewer). */
  change: number | null;
}

export interface ReportLabels {
  areaName: string;
  categories: Map<string, string>;
  terms: Map<string, string>;
  contracts: Map<string, { code: string; name: string }>;
}

export interface FocusTrendRow {
  month: string;
  code: string;
  cases: number;
}

/** Everything a report is built from: its periods, the statements' rows and the labels. */
export interface ReportInput {
  /** The document's name, title and subtitle, and the period reported on (local days, inclusive). */
  slug: string;
  title: string;
  subtitle: string;
  period: { from: string; to: string };
  /** How the three periods are named in headings: "december 2026", "2026H2". */
  periodLabels: Record<Period, string>;
  /** The months (YYYY-MM) of each period, for their boardings. */
  periodMonths: Record<Period, string[]>;
  /** The months of the trend, oldest first. */
  trendMonths: string[];
  /** The one contract reported on, or null for the area (or the viewer's contracts). */
  contract: { code: string; name: string } | null;
  generatedAt: Date;
  labels: ReportLabels;
  counts: CountRow[];
  tags: TagRow[];
  trend: TrendRow[];
  clocks: ClockRow[];
  transfers: TransferRow[];
  ridership: RidershipRow[];
  actions: ActionSummary[];
  /** Open hours from a clock's start to its answer in the party's calendar; null if unknown. */
  businessHours: (row: ClockRow) => number | null;
  /** A cycle's chosen focus areas, month by month. */
  focusTrend?: { codes: string[]; rows: FocusTrendRow[] };
  /** What the forum recorded at the end of a cycle. */
  forum?: { reflections: string | null; decisions: string | null };
  notes: string[];
}

export const KIND_LABELS: Record<CaseKind, string> = {
  complaint: 'Klagomål',
  praise: 'Beröm',
  question: 'Fråga',
  suggestion: 'Förslag',
  'delay-compensation': 'Förseningsersättning',
};

const TAG_KINDS = {
  promise: 'promise',
  'focus-area': 'focus-area',
  'root-cause': 'root-cause',
} as const;
const NO_CONTRACT = '(utan avtal)';
const TOP_ROOT_CAUSES = 10;

interface ComparisonRow {
  key: string;
  cases: number;
  previous: number;
  changePrevious: number | null;
  lastYear: number;
  changeLastYear: number | null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Counts of the period against the one before and the same a year earlier, named by them. */
function comparisonColumns(labels: Record<Period, string>): ReportColumn[] {
  return [
    { key: 'cases', label: `Ärenden ${labels.current}`, type: 'int' },
    { key: 'previous', label: capitalised(labels.previous), type: 'int' },
    { key: 'changePrevious', label: `Förändring mot ${labels.previous}`, type: 'percent' },
    { key: 'lastYear', label: capitalised(labels['last-year']), type: 'int' },
    { key: 'changeLastYear', label: `Förändring mot ${labels['last-year']}`, type: 'percent' },
  ];
}

/** (now − before) ÷ before; null when there was nothing before to compare with. */
export function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / before;
}

/** The p-th percentile (0–1) by linear interpolation, as PostgreSQL's percentile_cont. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** Complaints per 100,000 boardings, when boardings are known. */
export function per100k(cases: number, boardings: number | null): number | null {
  return boardings ? (cases * 100_000) / boardings : null;
}

/**
 * Boardings per contract and month: the contract's own row ('' line) or else the sum of its
 * lines; and per line where given.
 */
class Ridership {
  private readonly contracts = new Map<string, number>();
  private readonly lines = new Map<string, number>();

  constructor(rows: readonly RidershipRow[]) {
    const lineSums = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.month}|${row.contractId}`;
      if (row.line === '') this.contracts.set(key, row.boardings);
      else {
        this.lines.set(`${key}|${row.line}`, row.boardings);
        lineSums.set(key, (lineSums.get(key) ?? 0) + row.boardings);
      }
    }
    for (const [key, sum] of lineSums) if (!this.contracts.has(key)) this.contracts.set(key, sum);
  }

  /** Over several months: known only when every month is. */
  contract(months: readonly string[], contractId: string | null): number | null {
    return sumOver(months, (month) =>
      contractId ? this.contracts.get(`${month}|${contractId}`) : undefined,
    );
  }

  line(months: readonly string[], contractId: string | null, line: string | null): number | null {
    return sumOver(months, (month) =>
      contractId && line ? this.lines.get(`${month}|${contractId}|${line}`) : undefined,
    );
  }
}

function sumOver(months: readonly string[], of: (month: string) => number | undefined) {
  let total = 0;
  for (const month of months) {
    const value = of(month);
    if (value === undefined) return null;
    total += value;
  }
  return months.length ? total : null;
}

/**
 * The monthly export's tables from the statements' rows: pure, so its numbers are tested
 * against a hand-computed fixture without a database, and bench/reports can tell its cost
 * from the SQL's.
 */
export function buildReport(input: ReportInput): ReportDocument {
  const { labels, periodLabels } = input;
  const ridership = new Ridership(input.ridership);
  const contractLabel = (id: string | null) =>
    id ? (labels.contracts.get(id)?.code ?? id) : NO_CONTRACT;

  /** Counts per key in the three periods, as comparison rows sorted by this month's count. */
  const compare = <T extends { period: Period; cases: number }>(
    rows: readonly T[],
    keyOf: (row: T) => string | null,
  ) => {
    const byKey = new Map<string, Record<Period, number>>();
    for (const row of rows) {
      const key = keyOf(row);
      if (key === null) continue;
      const entry = byKey.get(key) ?? { current: 0, previous: 0, 'last-year': 0 };
      entry[row.period] += row.cases;
      byKey.set(key, entry);
    }
    return [...byKey.entries()]
      .map(([key, n]) => ({
        key,
        cases: n.current,
        previous: n.previous,
        changePrevious: change(n.current, n.previous),
        lastYear: n['last-year'],
        changeLastYear: change(n.current, n['last-year']),
      }))
      .sort(
        (a, b) => b.cases - a.cases || a.key.localeCompare(b.key, 'sv'),
      ) satisfies ComparisonRow[];
  };
  const comparisonTable = (
    id: string,
    title: string,
    keyColumn: ReportColumn,
    rows: ComparisonRow[],
    label: (key: string) => string,
  ): ReportTable => ({
    id,
    title,
    columns: [keyColumn, ...comparisonColumns(periodLabels)],
    rows: rows.map(({ key, ...numbers }) => ({ [keyColumn.key]: label(key), ...numbers })),
    chart: { type: 'bar', label: keyColumn.key, values: ['cases', 'previous'] },
  });

  const counts = input.counts;
  const tags = (kind: TagRow['kind']) => input.tags.filter((row) => row.kind === kind);
  const termLabel = (kind: string) => (code: string) => labels.terms.get(`${kind}|${code}`) ?? code;

  // Complaints per 100,000 boardings for the scope: over the contracts whose boardings
  // are known that month, so that a contract without figures does not dilute the rate.
  const ratePerPeriod = (period: Period): number | null => {
    const m = input.periodMonths[period];
    const complaints = new Map<string, number>();
    for (const row of counts)
      if (row.period === period && row.kind === 'complaint' && row.contractId)
        complaints.set(row.contractId, (complaints.get(row.contractId) ?? 0) + row.cases);
    return rateOver(m, complaints, ridership);
  };
  const total = (period: Period, kind?: CaseKind) =>
    counts
      .filter((row) => row.period === period && (!kind || row.kind === kind))
      .reduce((sum, row) => sum + row.cases, 0);

  const summaryRow = (metric: string, value: (period: Period) => number | null) => {
    const [current, previous, lastYear] = [value('current'), value('previous'), value('last-year')];
    return {
      metric,
      value: current,
      previous,
      changePrevious: change(current, previous),
      lastYear,
      changeLastYear: change(current, lastYear),
    };
  };
  const transfersTotal = input.transfers.reduce((sum, row) => sum + row.cases, 0);
  const summaryColumns = (type: 'int' | 'decimal'): ReportColumn[] => [
    { key: 'metric', label: 'Mått', type: 'text' },
    { key: 'value', label: capitalised(periodLabels.current), type },
    { key: 'previous', label: capitalised(periodLabels.previous), type },
    { key: 'changePrevious', label: `Förändring mot ${periodLabels.previous}`, type: 'percent' },
    { key: 'lastYear', label: capitalised(periodLabels['last-year']), type },
    {
      key: 'changeLastYear',
      label: `Förändring mot ${periodLabels['last-year']}`,
      type: 'percent',
    },
  ];
  // Counts and the rate apart: a column is either whole numbers or decimals.
  const summary: ReportTable = {
    id: 'summary',
    title: 'Sammanfattning',
    columns: summaryColumns('int'),
    rows: [
      summaryRow('Ärenden', (p) => total(p)),
      summaryRow('Klagomål', (p) => total(p, 'complaint')),
      summaryRow('Beröm', (p) => total(p, 'praise')),
      {
        metric: 'Överlämnade ärenden (felfördelade)',
        value: transfersTotal,
        previous: null,
        changePrevious: null,
        lastYear: null,
        changeLastYear: null,
      },
    ],
  };
  const summaryRate: ReportTable = {
    id: 'summary-rate',
    title: 'Klagomål per 100 000 påstigande',
    columns: summaryColumns('decimal'),
    rows: [summaryRow('Klagomål per 100 000 påstigande', ratePerPeriod)],
  };

  const tables: ReportTable[] = [
    summary,
    summaryRate,
    comparisonTable(
      'counts-by-kind',
      'Ärenden per typ',
      { key: 'kind', label: 'Typ', type: 'text' },
      compare(counts, (row: CountRow) => row.kind),
      (key) => KIND_LABELS[key as CaseKind] ?? key,
    ),
    comparisonTable(
      'counts-by-category',
      'Ärenden per kategori',
      { key: 'category', label: 'Kategori', type: 'text' },
      compare(counts, (row: CountRow) => row.category ?? '(ingen)'),
      (key) => labels.categories.get(key) ?? key,
    ),
    comparisonTable(
      'counts-by-promise',
      'Ärenden per kundlöfte',
      { key: 'promise', label: 'Kundlöfte', type: 'text' },
      compare(tags(TAG_KINDS.promise), (row: TagRow) => row.code),
      termLabel('promise'),
    ),
    comparisonTable(
      'counts-by-focus-area',
      'Ärenden per fokusområde',
      { key: 'focusArea', label: 'Fokusområde', type: 'text' },
      compare(tags(TAG_KINDS['focus-area']), (row: TagRow) => row.code),
      termLabel('focus-area'),
    ),
    contractTable(input, ridership, contractLabel),
    lineTable(input, ridership, contractLabel),
    trendTable(input, ridership),
    responseTable(input, contractLabel),
    transferTable(input, contractLabel),
    rootCauseTable(tags(TAG_KINDS['root-cause']), termLabel('root-cause')),
    actionTable(input.actions, labels),
    ...(input.focusTrend
      ? [focusTrendTable(input, input.focusTrend, termLabel('focus-area'))]
      : []),
    ...(input.forum ? [forumTable(input.forum)] : []),
  ];
  return {
    slug: input.slug,
    title: input.title,
    subtitle: input.subtitle,
    period: input.period,
    generatedAt: input.generatedAt,
    tables,
    notes: [...REPORT_NOTES, ...input.notes],
  };
}

const REPORT_NOTES = [
  'Ärenden räknas efter när de kom in, i svensk tid. Dubbletter som slagits ihop räknas en gång.',
  'Svarstid: öppettimmar hos den ansvariga parten från att ärendet nådde den till första svaret; pauser medan resenären svarar räknas inte.',
  'Andel inom mål och inom lagens frist räknas bland ärenden som besvarats eller vars frist har passerat.',
  'Per 100 000 påstigande: bara avtal med inrapporterat resande för hela perioden.',
  'Inga personuppgifter och ingen fritext från resenärer finns i rapporten.',
];

/** The chosen focus areas' cases month by month: one line each. */
function focusTrendTable(
  input: ReportInput,
  trend: NonNullable<ReportInput['focusTrend']>,
  label: (code: string) => string,
): ReportTable {
  const counts = new Map(trend.rows.map((row) => [`${row.month}|${row.code}`, row.cases]));
  return {
    id: 'focus-area-trend',
    title: 'Fokusområdenas utveckling',
    columns: [
      { key: 'month', label: 'Månad', type: 'text' },
      ...trend.codes.map((code) => ({ key: code, label: label(code), type: 'int' as const })),
    ],
    rows: input.trendMonths.map((month) => ({
      month,
      ...Object.fromEntries(trend.codes.map((code) => [code, counts.get(`${month}|${code}`) ?? 0])),
    })),
    chart: { type: 'line', label: 'month', values: trend.codes },
  };
}

/** The forum's own words at the end of a cycle (theirs, not a traveller's). */
function forumTable(forum: NonNullable<ReportInput['forum']>): ReportTable {
  return {
    id: 'forum-decisions',
    title: 'Forumets reflektioner och beslut',
    columns: [
      { key: 'what', label: 'Vad', type: 'text' },
      { key: 'text', label: 'Text', type: 'text' },
    ],
    rows: [
      { what: 'Reflektioner', text: forum.reflections ?? 'Inte nedtecknat ännu' },
      { what: 'Beslut', text: forum.decisions ?? 'Inte nedtecknat ännu' },
    ],
  };
}

function rateOver(
  months: readonly string[],
  complaints: ReadonlyMap<string, number>,
  ridership: Ridership,
): number | null {
  let cases = 0;
  let boardings = 0;
  for (const [contractId, n] of complaints) {
    const known = ridership.contract(months, contractId);
    if (known === null) continue;
    cases += n;
    boardings += known;
  }
  return boardings ? per100k(cases, boardings) : null;
}

function contractTable(
  input: ReportInput,
  ridership: Ridership,
  contractLabel: (id: string | null) => string,
): ReportTable {
  const rows = new Map<
    string | null,
    { cases: number; complaints: number; previous: number; lastYear: number }
  >();
  for (const row of input.counts) {
    const entry = rows.get(row.contractId) ?? { cases: 0, complaints: 0, previous: 0, lastYear: 0 };
    if (row.period === 'current') {
      entry.cases += row.cases;
      if (row.kind === 'complaint') entry.complaints += row.cases;
    } else if (row.kind === 'complaint') {
      if (row.period === 'previous') entry.previous += row.cases;
      else entry.lastYear += row.cases;
    }
    rows.set(row.contractId, entry);
  }
  return {
    id: 'counts-by-contract',
    title: 'Ärenden per avtal',
    columns: [
      { key: 'contract', label: 'Avtal', type: 'text' },
      { key: 'name', label: 'Namn', type: 'text' },
      { key: 'cases', label: 'Ärenden', type: 'int' },
      { key: 'complaints', label: 'Klagomål', type: 'int' },
      { key: 'boardings', label: 'Påstigande', type: 'int' },
      { key: 'per100k', label: 'Klagomål per 100 000 påstigande', type: 'decimal' },
      { key: 'previous', label: 'Klagomål föregående månad', type: 'int' },
      { key: 'lastYear', label: 'Klagomål samma månad i fjol', type: 'int' },
    ],
    rows: [...rows.entries()]
      .sort(([, a], [, b]) => b.cases - a.cases)
      .map(([contractId, n]) => {
        const boardings = ridership.contract(input.periodMonths.current, contractId);
        return {
          contract: contractLabel(contractId),
          name: contractId ? (input.labels.contracts.get(contractId)?.name ?? '') : '',
          cases: n.cases,
          complaints: n.complaints,
          boardings,
          per100k: per100k(n.complaints, boardings),
          previous: n.previous,
          lastYear: n.lastYear,
        };
      }),
    chart: { type: 'bar', label: 'contract', values: ['complaints', 'previous'] },
  };
}

function lineTable(
  input: ReportInput,
  ridership: Ridership,
  contractLabel: (id: string | null) => string,
): ReportTable {
  const rows = new Map<
    string,
    { contractId: string | null; line: string; cases: number; complaints: number }
  >();
  for (const row of input.counts) {
    if (row.period !== 'current' || !row.line) continue;
    const key = `${row.contractId ?? ''}|${row.line}`;
    const entry = rows.get(key) ?? {
      contractId: row.contractId,
      line: row.line,
      cases: 0,
      complaints: 0,
    };
    entry.cases += row.cases;
    if (row.kind === 'complaint') entry.complaints += row.cases;
    rows.set(key, entry);
  }
  return {
    id: 'counts-by-line',
    title: 'Ärenden per linje',
    columns: [
      { key: 'contract', label: 'Avtal', type: 'text' },
      { key: 'line', label: 'Linje', type: 'text' },
      { key: 'cases', label: 'Ärenden', type: 'int' },
      { key: 'complaints', label: 'Klagomål', type: 'int' },
      { key: 'boardings', label: 'Påstigande', type: 'int' },
      { key: 'per100k', label: 'Klagomål per 100 000 påstigande', type: 'decimal' },
    ],
    rows: [...rows.values()]
      .sort((a, b) => b.cases - a.cases || a.line.localeCompare(b.line, 'sv', { numeric: true }))
      .map((n) => {
        const boardings = ridership.line(input.periodMonths.current, n.contractId, n.line);
        return {
          contract: contractLabel(n.contractId),
          line: n.line,
          cases: n.cases,
          complaints: n.complaints,
          boardings,
          per100k: per100k(n.complaints, boardings),
        };
      }),
  };
}

function trendTable(input: ReportInput, ridership: Ridership): ReportTable {
  const months = input.trendMonths;
  return {
    id: 'trend-by-month',
    title: `Utveckling över ${months.length} månader`,
    columns: [
      { key: 'month', label: 'Månad', type: 'text' },
      { key: 'cases', label: 'Ärenden', type: 'int' },
      { key: 'complaints', label: 'Klagomål', type: 'int' },
      { key: 'per100k', label: 'Klagomål per 100 000 påstigande', type: 'decimal' },
    ],
    rows: months.map((month) => {
      const rows = input.trend.filter((row) => row.month === month);
      const complaints = new Map<string, number>();
      for (const row of rows)
        if (row.complaint && row.contractId)
          complaints.set(row.contractId, (complaints.get(row.contractId) ?? 0) + row.cases);
      return {
        month,
        cases: rows.reduce((sum, row) => sum + row.cases, 0),
        complaints: rows.filter((row) => row.complaint).reduce((sum, row) => sum + row.cases, 0),
        per100k: rateOver([month], complaints, ridership),
      };
    }),
    chart: { type: 'line', label: 'month', values: ['cases', 'complaints'] },
  };
}

function responseTable(
  input: ReportInput,
  contractLabel: (id: string | null) => string,
): ReportTable {
  const now = input.generatedAt;
  // Appended in place: copying a group's array for every row grew with its square.
  const groups = new Map<string, ClockRow[]>();
  for (const row of input.clocks) {
    const key = contractLabel(row.contractId);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  // Each answered clock's business hours once: the total row would otherwise count them again.
  const hoursOf = new Map<ClockRow, number | null>();
  const businessHours = (row: ClockRow) => {
    let hours = hoursOf.get(row);
    if (hours === undefined) {
      hours = input.businessHours(row);
      hoursOf.set(row, hours);
    }
    return hours;
  };
  const measure = (rows: readonly ClockRow[]): Record<string, ReportCell> => {
    const first = rows.filter((row) => row.clock === 'first-response');
    const answered = first.filter((row) => row.metAt);
    const hours = answered
      .map(businessHours)
      .filter((h): h is number => h !== null)
      .sort((a, b) => a - b);
    return {
      received: first.length,
      answered: answered.length,
      medianHours: percentile(hours, 0.5),
      p90Hours: percentile(hours, 0.9),
      withinTarget: shareOnTime(first, now),
      withinLegal: shareOnTime(
        rows.filter((row) => row.clock === 'legal-reply'),
        now,
      ),
    };
  };
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'sv'))
    .map(([contract, clockRows]) => ({ contract, ...measure(clockRows) }));
  if (rows.length > 1) rows.push({ contract: 'Totalt', ...measure(input.clocks) });
  return {
    id: 'response-times',
    title: 'Svarstider till första svar',
    columns: [
      { key: 'contract', label: 'Avtal', type: 'text' },
      { key: 'received', label: 'Ärenden med svarsmål', type: 'int' },
      { key: 'answered', label: 'Besvarade', type: 'int' },
      { key: 'medianHours', label: 'Median (öppettimmar)', type: 'hours' },
      { key: 'p90Hours', label: '90:e percentilen (öppettimmar)', type: 'hours' },
      { key: 'withinTarget', label: 'Inom avtalets mål', type: 'percent' },
      { key: 'withinLegal', label: 'Inom lagens frist', type: 'percent' },
    ],
    rows,
    chart: { type: 'bar', label: 'contract', values: ['medianHours', 'p90Hours'] },
  };
}

/** Answered in time, of the clocks whose outcome is known (answered, or past their due). */
function shareOnTime(rows: readonly ClockRow[], now: Date): number | null {
  let decided = 0;
  let onTime = 0;
  for (const row of rows) {
    if (!row.dueAt) continue;
    if (row.metAt) {
      decided++;
      if (row.metAt <= row.dueAt) onTime++;
    } else if (row.breachedAt || row.dueAt <= now) decided++;
  }
  return decided ? onTime / decided : null;
}

function transferTable(
  input: ReportInput,
  contractLabel: (id: string | null) => string,
): ReportTable {
  const casesPerContract = new Map<string | null, number>();
  for (const row of input.counts)
    if (row.period === 'current')
      casesPerContract.set(row.contractId, (casesPerContract.get(row.contractId) ?? 0) + row.cases);
  return {
    id: 'transfers',
    title: 'Överlämnade ärenden (felfördelning) per avtal',
    columns: [
      { key: 'contract', label: 'Avtal', type: 'text' },
      { key: 'cases', label: 'Överlämnade ärenden', type: 'int' },
      { key: 'transfers', label: 'Överlämningar', type: 'int' },
      { key: 'share', label: 'Andel av avtalets ärenden', type: 'percent' },
    ],
    rows: [...input.transfers]
      .sort((a, b) => b.cases - a.cases)
      .map((row) => {
        // The contract's cases of the month: those it still has and those that moved on.
        const all = (casesPerContract.get(row.contractId) ?? 0) + row.moved;
        return {
          contract: contractLabel(row.contractId),
          cases: row.cases,
          transfers: row.transfers,
          share: all ? row.cases / all : null,
        };
      }),
  };
}

function rootCauseTable(rows: readonly TagRow[], label: (code: string) => string): ReportTable {
  return {
    id: 'root-causes',
    title: 'Vanligaste grundorsaker',
    columns: [
      { key: 'rootCause', label: 'Grundorsak', type: 'text' },
      { key: 'cases', label: 'Ärenden', type: 'int' },
    ],
    rows: rows
      .filter((row) => row.period === 'current')
      .sort((a, b) => b.cases - a.cases || a.code.localeCompare(b.code))
      .slice(0, TOP_ROOT_CAUSES)
      .map((row) => ({ rootCause: label(row.code), cases: row.cases })),
    chart: { type: 'bar', label: 'rootCause', values: ['cases'] },
  };
}

const STATUS_LABELS: Record<string, string> = {
  planned: 'Planerad',
  'in-progress': 'Pågår',
  done: 'Genomförd',
  cancelled: 'Avbruten',
};

function actionTable(actions: readonly ActionSummary[], labels: ReportLabels): ReportTable {
  const names = (kind: string, codes: string[]) =>
    codes.map((code) => labels.terms.get(`${kind}|${code}`) ?? code).join(', ');
  return {
    id: 'actions',
    title: 'Åtgärder',
    columns: [
      { key: 'title', label: 'Åtgärd', type: 'text' },
      { key: 'owner', label: 'Ansvarig', type: 'text' },
      { key: 'status', label: 'Status', type: 'text' },
      { key: 'dueOn', label: 'Klar senast', type: 'text' },
      { key: 'focusAreas', label: 'Fokusområden', type: 'text' },
      { key: 'rootCauses', label: 'Grundorsaker', type: 'text' },
      { key: 'change', label: 'Förändring av klagomål efter åtgärden', type: 'percent' },
    ],
    rows: actions.map((action) => ({
      title: action.title,
      owner: action.owner,
      status: STATUS_LABELS[action.status] ?? action.status,
      dueOn: action.dueOn,
      focusAreas: names('focus-area', action.focusAreas),
      rootCauses: names('root-cause', action.rootCauses),
      change: action.change,
    })),
  };
}
