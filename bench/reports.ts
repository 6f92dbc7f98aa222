// bench/reports: one month's monthly export over the million cases of bench/inbox (three
// years, the demo area's contracts, with their tags, clocks, transfers, merged duplicates,
// ridership and a few improvement actions), for the whole area and for one contract. Each
// is timed as the bare SQL (every statement of reportQueries, run with `pg` in this process,
// the same text and values, one after the other as the service runs them), as the report
// document (ReportsService.build: the statements in one snapshot, labels, actions and the
// pure builder) and as whole files (build + reportFile). Run: npm run bench:reports
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createService } from '../src/bootstrap';
import { loadConfig } from '../src/infra/config/app-config';
import { reportFile } from '../src/reports/report-files';
import type { ReportFileFormat } from '../src/reports/report-files';
import { addMonths } from '../src/reports/report-month';
import { monthlyRanges, reportQueries } from '../src/reports/report.queries';
import type { ReportQuery, ReportScope } from '../src/reports/report.queries';
import type { ActionScope } from '../src/reports/reports.service';
import { ReportsService } from '../src/reports/reports.service';
import { startBenchApp } from './support/bench-app';
import { dropQueues } from './support/drop-queues';
import { generateCases } from './support/generate-cases';
import { format, summarise } from './support/stats';
import { runBench } from './support/run-bench';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
/** Runs of the formats measured for information only (PDF, CSV). */
const INFO_REQUESTS = Number(process.env.BENCH_INFO_REQUESTS ?? Math.min(REQUESTS, 5));
const KEEP = process.env.BENCH_KEEP === '1';
/** The contract of the per-contract report: the busiest. */
const CONTRACT = process.env.BENCH_CONTRACT ?? 'UL-STAD-2019';
const XLSX_GOAL_MS = 3000;
const RATIO_GOAL = 2;

type Summary = ReturnType<typeof summarise>;

interface Scenario {
  label: string;
  scope: ReportScope;
  contract: { code: string; name: string } | null;
  actions: ActionScope;
}

interface Result {
  scenario: Scenario;
  statements: { name: string; rows: number; time: Summary }[];
  bare: Summary;
  document: Summary;
  files: Record<ReportFileFormat, { whole: Summary; writer: Summary; bytes: number } | undefined>;
  cases: number;
}

async function timeLoop(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return durations;
}

const log = (text: string) => process.stdout.write(`${text}\n`);
const ms = (summary: Summary) =>
  `p50 ${format(summary.p50).padStart(11)}  p99 ${format(summary.p99).padStart(11)}`;

async function measure(
  pool: Pool,
  reports: ReportsService,
  month: string,
  scenario: Scenario,
): Promise<Result> {
  const { scope, contract, actions } = scenario;
  // The statements exactly as ReportsService.build makes them for this month and scope.
  const queries: ReportQuery[] = reportQueries({
    ...monthlyRanges(month),
    timeZone: reports.timeZone,
    scope,
  });
  const perStatement = new Map<string, number[]>(queries.map((query) => [query.name, []]));
  const rows = new Map<string, number>();
  const bare = await timeLoop(REQUESTS, async () => {
    const client = await pool.connect();
    try {
      for (const query of queries) {
        const started = performance.now();
        const result = await client.query(query.text, query.values);
        perStatement.get(query.name)?.push(performance.now() - started);
        rows.set(query.name, result.rowCount ?? 0);
      }
    } finally {
      client.release();
    }
  });
  const build = () => reports.build(month, scope, contract, actions);
  const document = await timeLoop(REQUESTS, build);
  const doc = await build();
  const summaryRow = doc.tables.find((table) => table.id === 'summary')?.rows[0];
  const files = {} as Result['files'];
  for (const fileFormat of ['xlsx', 'pdf', 'csv'] as const) {
    const runs = fileFormat === 'xlsx' ? REQUESTS : INFO_REQUESTS;
    let bytes = 0;
    const whole = await timeLoop(runs, async () => {
      bytes = (await reportFile(await build(), fileFormat, reports.timeZone)).body.length;
    });
    const writer = await timeLoop(runs, () => reportFile(doc, fileFormat, reports.timeZone));
    files[fileFormat] = { whole: summarise(whole), writer: summarise(writer), bytes };
  }
  return {
    scenario,
    statements: queries.map((query) => ({
      name: query.name,
      rows: rows.get(query.name) ?? 0,
      // Without the warm-up runs.
      time: summarise((perStatement.get(query.name) ?? []).slice(WARMUP)),
    })),
    bare: summarise(bare),
    document: summarise(document),
    files,
    cases: Number(summaryRow?.value ?? 0),
  };
}

function print(result: Result): { xlsxOk: boolean; ratioOk: boolean } {
  const { scenario, bare, document, files } = result;
  const xlsx = files.xlsx!;
  log('');
  log(`${scenario.label}: ${result.cases} cases in the month`);
  for (const statement of result.statements)
    log(
      `  sql ${statement.name.padEnd(12)} ${String(statement.rows).padStart(6)} rows  ${ms(statement.time)}`,
    );
  log(`  bare SQL, all statements         ${ms(bare)}`);
  log(
    `  report document (build)          ${ms(document)}   ${(document.p50 / bare.p50).toFixed(2)}x bare`,
  );
  for (const [name, file] of Object.entries(files)) {
    if (!file) continue;
    log(
      `  ${`${name.toUpperCase()} (build + file)`.padEnd(32)} ${ms(file.whole)}   ` +
        `${(file.whole.p50 / bare.p50).toFixed(2)}x bare; the writer alone p50 ` +
        `${format(file.writer.p50)}, ${(file.bytes / 1024).toFixed(0)} KiB` +
        (name === 'xlsx' ? '' : ` (${file.whole.count} runs, for information)`),
    );
  }
  const ratio = xlsx.whole.p50 / bare.p50;
  const xlsxOk = xlsx.whole.p50 < XLSX_GOAL_MS;
  const ratioOk = ratio <= RATIO_GOAL;
  log(
    `  goal: XLSX p50 < ${XLSX_GOAL_MS} ms — ${format(xlsx.whole.p50)} ${xlsxOk ? 'PASS' : 'FAIL'}; ` +
      `XLSX p50 ÷ bare SQL p50 ≤ ${RATIO_GOAL}x — ${ratio.toFixed(2)}x ${ratioOk ? 'PASS' : 'FAIL'}`,
  );
  return { xlsxOk, ratioOk };
}

async function main(): Promise<void> {
  // The service needs no worker here: nothing is queued, and a worker's jobs would only add noise.
  const app = await startBenchApp(
    'reports',
    { SYNPUNKT_ROLE: 'api' },
    { database: KEEP ? `synpunkt_bench_reports_${CASES}` : undefined, keepDatabase: KEEP },
  );
  const pool = new Pool({ connectionString: app.config.DATABASE_URL, max: 2 });
  pool.on('error', () => undefined);
  // The report engine in this process, on the benchmark's database (the api role: no
  // workers of its own; the child service has migrated it and loaded the area).
  const service = await createService(
    loadConfig({
      ...process.env,
      DATABASE_URL: app.config.DATABASE_URL,
      REDIS_URL: app.config.REDIS_URL,
      QUEUE_PREFIX: app.config.QUEUE_PREFIX,
      SYNPUNKT_ROLE: 'api',
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    await service.app.init();
    const [{ present }] = (
      await pool.query<{ present: string }>(`SELECT count(*)::text AS present FROM cases`)
    ).rows;
    if (Number(present) === 0) {
      const started = performance.now();
      log(`generating ${CASES} cases …`);
      await generateCases(pool, CASES, log);
      log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } else log(`kept database: ${present} cases already there`);
    const stats = (
      await pool.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM cases)::text AS cases,
                (SELECT count(*) FROM cases WHERE merged_into_case_id IS NOT NULL)::text AS merged,
                (SELECT count(*) FROM case_clocks)::text AS clocks,
                (SELECT count(*) FROM case_transfers)::text AS transfers,
                (SELECT count(*) FROM ridership)::text AS ridership,
                (SELECT count(*) FROM improvement_actions)::text AS actions`,
      )
    ).rows[0];
    const reports = service.app.get(ReportsService);
    // The last complete month in the area's time zone.
    const month = addMonths(reports.currentMonth(), -1);
    const [contract] = (
      await pool.query<{ id: string; code: string; name: string }>(
        'SELECT id, code, name FROM contracts WHERE code = $1',
        [CONTRACT],
      )
    ).rows;
    if (!contract) throw new Error(`no contract ${CONTRACT}`);
    log(
      `bench/reports — month ${month}; ${stats.cases} cases over 3 years (${stats.merged} merged), ` +
        `${stats.clocks} clocks, ${stats.transfers} transfers, ${stats.ridership} ridership rows, ` +
        `${stats.actions} actions; ${REQUESTS} sequential runs per row after ${WARMUP} warm-up, 2 cores`,
    );
    const scenarios: Scenario[] = [
      {
        label: 'area (authority, every contract)',
        scope: { contractIds: null },
        contract: null,
        actions: { contractId: null },
      },
      {
        label: `contract ${contract.code}`,
        scope: { contractIds: [contract.id] },
        contract: { code: contract.code, name: contract.name },
        actions: { contractId: contract.id },
      },
    ];
    const verdicts: { xlsxOk: boolean; ratioOk: boolean }[] = [];
    for (const scenario of scenarios)
      verdicts.push(print(await measure(pool, reports, month, scenario)));
    const met = (key: 'xlsxOk' | 'ratioOk') => verdicts.every((verdict) => verdict[key]);
    log('');
    log(
      `goal: whole XLSX p50 < ${XLSX_GOAL_MS} ms: ${met('xlsxOk') ? 'PASS' : 'FAIL'}; ` +
        `within ${RATIO_GOAL}x of the bare SQL: ${met('ratioOk') ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await service.app.close();
    await pool.end();
    await app.close();
    await dropQueues(app.config.REDIS_URL, app.config.QUEUE_PREFIX);
    if (KEEP) log(`kept ${new URL(app.config.DATABASE_URL).pathname.slice(1)} (BENCH_KEEP=1)`);
  }
}

runBench(main);
