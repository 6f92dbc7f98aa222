// bench/inbox: the inbox's views and search over a million cases (three years, the demo
// area's contracts), for an operator handler and an authority handler, through the real
// service (GET /api/v1/inbox with a session) next to the bare SQL of the same query run
// with `pg` in this process. Run: npm run bench:inbox
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { Principal } from '../src/auth/principal';
import type { OrganisationKind } from '../src/directory/organisation.entity';
import { decodeCursor, parseInboxQuery } from '../src/inbox/inbox-query';
import { inboxPageSql } from '../src/inbox/inbox.repository';
import { startBenchApp } from './support/bench-app';
import { BENCH_PASSWORD, benchEmail, generateCases } from './support/generate-cases';
import { format, summarise } from './support/stats';
import { dropQueues } from './support/drop-queues';
import { runBench } from './support/run-bench';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const KEEP = process.env.BENCH_KEEP === '1';
const LIST_GOAL_MS = 50;
const SEARCH_GOAL_MS = 150;
const TIME_ZONE = 'Europe/Stockholm';

// Words of the generated descriptions: one in most cases, one in a few hundred, and a
// phrase (websearch syntax: the two words next to each other) in a few percent.
const COMMON_WORD = 'bussen';
const RARE_WORD = 'rullstolsrampen';
const PHRASE = '"missade tåget"';

interface Scenario {
  name: string;
  search: boolean;
  params: Record<string, string>;
  /** Page 2: the cursor of page 1 of these parameters is added before measuring. */
  secondPage?: boolean;
}

interface Viewer {
  label: string;
  principal: Principal;
  cookie: string;
}

function scenarios(contract: string, category: string): Scenario[] {
  return [
    { name: 'open (default)', search: false, params: {} },
    { name: 'mine', search: false, params: { view: 'mine' } },
    { name: 'unassigned', search: false, params: { view: 'unassigned' } },
    { name: 'due-soon', search: false, params: { view: 'due-soon' } },
    { name: 'overdue', search: false, params: { view: 'overdue' } },
    { name: 'waiting', search: false, params: { view: 'waiting' } },
    { name: 'closed', search: false, params: { view: 'closed' } },
    { name: `contract ${contract}`, search: false, params: { contract } },
    { name: `category ${category}`, search: false, params: { category } },
    { name: 'closed, page 2', search: false, params: { view: 'closed' }, secondPage: true },
    { name: `q=${COMMON_WORD}`, search: true, params: { q: COMMON_WORD } },
    { name: `q=${RARE_WORD}`, search: true, params: { q: RARE_WORD } },
    { name: `q=${PHRASE}`, search: true, params: { q: PHRASE } },
    { name: `closed q=${COMMON_WORD}`, search: true, params: { view: 'closed', q: COMMON_WORD } },
    { name: `closed q=${RARE_WORD}`, search: true, params: { view: 'closed', q: RARE_WORD } },
    { name: `closed q=${PHRASE}`, search: true, params: { view: 'closed', q: PHRASE } },
  ];
}

function cookieOf(response: Response, name: string): string {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair;
  }
  throw new Error(`no ${name} cookie in the answer (${response.status})`);
}

/** Signs in through the form, as a browser would: the page's CSRF cookie and token, then the post. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const page = await fetch(`${baseUrl}/inbox/sign-in?lang=sv`);
  const csrfCookie = cookieOf(page, 'sp_csrf');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error('no CSRF token on the sign-in page');
  const response = await fetch(`${baseUrl}/inbox/sign-in?lang=sv`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrf, email, password: BENCH_PASSWORD }).toString(),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return `${cookieOf(response, 'sp_session')}; ${csrfCookie}`;
}

async function viewerOf(pool: Pool, baseUrl: string, organisationCode: string): Promise<Viewer> {
  const email = benchEmail(organisationCode, 1);
  const { rows } = await pool.query<{ id: string; organisation_id: string; kind: string }>(
    `SELECT u.id, u.organisation_id, o.kind FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.email = $1`,
    [email],
  );
  if (!rows[0]) throw new Error(`no user ${email}`);
  return {
    label: `${organisationCode} (${rows[0].kind})`,
    principal: {
      userId: rows[0].id,
      organisationId: rows[0].organisation_id,
      organisationKind: rows[0].kind as OrganisationKind,
      role: 'handler',
      via: 'session',
    },
    cookie: await signIn(baseUrl, email),
  };
}

interface Page {
  cases: unknown[];
  next: string | null;
}

async function getPage(baseUrl: string, viewer: Viewer, params: Record<string, string>) {
  const search = new URLSearchParams(params).toString();
  const response = await fetch(`${baseUrl}/api/v1/inbox?${search}`, {
    headers: { cookie: viewer.cookie, accept: 'application/json' },
  });
  if (response.status !== 200) throw new Error(`GET /api/v1/inbox?${search}: ${response.status}`);
  return (await response.json()) as Page;
}

async function timeLoop(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i += 1) await run();
  const durations: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return durations;
}

interface Result {
  viewer: string;
  scenario: Scenario;
  rows: number;
  http: ReturnType<typeof summarise>;
  bare: ReturnType<typeof summarise>;
}

async function measure(
  pool: Pool,
  baseUrl: string,
  viewer: Viewer,
  scenario: Scenario,
): Promise<Result> {
  const params = { ...scenario.params };
  if (scenario.secondPage) {
    const first = await getPage(baseUrl, viewer, params);
    if (!first.next) throw new Error(`${scenario.name}: no second page`);
    params.after = first.next;
  }
  const { query, errors } = parseInboxQuery(params);
  if (errors.length > 0) throw new Error(`${scenario.name}: ${JSON.stringify(errors)}`);
  if (params.after && !decodeCursor(params.after)) throw new Error('bad cursor');
  let rows = 0;
  const http = await timeLoop(async () => {
    rows = (await getPage(baseUrl, viewer, params)).cases.length;
  });
  // The same statement the repository builds, with a fresh `now` per run as the service has.
  const bare = await timeLoop(() => {
    const sql = inboxPageSql(viewer.principal, query, { now: new Date(), timeZone: TIME_ZONE });
    return pool.query(sql.text, sql.values);
  });
  return { viewer: viewer.label, scenario, rows, http: summarise(http), bare: summarise(bare) };
}

function line(result: Result): string {
  const goal = result.scenario.search ? SEARCH_GOAL_MS : LIST_GOAL_MS;
  const ok = result.http.p99 < goal ? 'ok' : 'MISS';
  return [
    result.viewer.padEnd(20),
    result.scenario.name.padEnd(30),
    String(result.rows).padStart(4),
    `p50 ${format(result.http.p50).padStart(9)}`,
    `p99 ${format(result.http.p99).padStart(9)}`,
    `| bare p50 ${format(result.bare.p50).padStart(9)}`,
    `p99 ${format(result.bare.p99).padStart(9)}`,
    `| p99 ratio ${(result.http.p99 / result.bare.p99).toFixed(1).padStart(5)}x`,
    `< ${goal} ms ${ok}`,
  ].join('  ');
}

async function main(): Promise<void> {
  const log = (text: string) => process.stdout.write(`${text}\n`);
  const app = await startBenchApp(
    'inbox',
    {},
    { database: KEEP ? `synpunkt_bench_inbox_${CASES}` : undefined, keepDatabase: KEEP },
  );
  const pool = new Pool({ connectionString: app.config.DATABASE_URL, max: 2 });
  pool.on('error', () => undefined);
  try {
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
      await pool.query<{ cases: string; open: string; clocks: string; transfers: string }>(
        `SELECT (SELECT count(*) FROM cases)::text AS cases,
                (SELECT count(*) FROM cases WHERE status NOT IN ('resolved', 'closed'))::text AS open,
                (SELECT count(*) FROM case_clocks)::text AS clocks,
                (SELECT count(*) FROM case_transfers)::text AS transfers`,
      )
    ).rows[0];
    // The operator with the most cases, its busiest contract and the commonest category.
    const [top] = (
      await pool.query<{ operator: string; contract: string }>(
        `SELECT o.code AS operator,
                (SELECT ct.code FROM contracts ct JOIN cases c ON c.contract_id = ct.id
                  WHERE ct.operator_id = o.id GROUP BY ct.code ORDER BY count(*) DESC LIMIT 1) AS contract
           FROM cases c JOIN organisations o ON o.id = c.responsible_organisation_id
          WHERE o.kind = 'operator' GROUP BY o.id, o.code ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows;
    const category = 'staff-treatment';
    const viewers = [
      await viewerOf(pool, app.url, top.operator),
      await viewerOf(pool, app.url, 'UL'),
    ];
    log(
      `bench/inbox — ${stats.cases} cases over 3 years (${stats.open} open), ${stats.clocks} clocks, ` +
        `${stats.transfers} transfers; ${REQUESTS} sequential requests per row after ${WARMUP} warm-up, 2 cores`,
    );
    log(
      'viewer                view                            rows  GET /api/v1/inbox           | bare SQL (same statement, pg)   |',
    );
    const results: Result[] = [];
    for (const viewer of viewers)
      for (const scenario of scenarios(top.contract, category)) {
        const result = await measure(pool, app.url, viewer, scenario);
        results.push(result);
        log(line(result));
      }
    const worst = (search: boolean) =>
      Math.max(...results.filter((r) => r.scenario.search === search).map((r) => r.http.p99));
    const lists = worst(false);
    const search = worst(true);
    log(
      `goal: lists p99 < ${LIST_GOAL_MS} ms — worst ${format(lists)} (${lists < LIST_GOAL_MS ? 'met' : 'not met'}); ` +
        `search p99 < ${SEARCH_GOAL_MS} ms — worst ${format(search)} (${search < SEARCH_GOAL_MS ? 'met' : 'not met'})`,
    );
  } finally {
    await pool.end();
    await app.close();
    await dropQueues(app.config.REDIS_URL, app.config.QUEUE_PREFIX);
    if (KEEP) log(`kept ${new URL(app.config.DATABASE_URL).pathname.slice(1)} (BENCH_KEEP=1)`);
  }
}

runBench(main);
