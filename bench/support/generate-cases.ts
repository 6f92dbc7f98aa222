// Fills a benchmark database (migrated, the demo area loaded) with years of cases in a few
// set-based statements: generate_series and seeded random() inside PostgreSQL, not rows
// from Node. Used by bench/inbox and bench/reports.
import { hash } from '@node-rs/argon2';
import { performance } from 'node:perf_hooks';
import type { Pool, PoolClient } from 'pg';
import { ARGON2_OPTIONS } from '../../src/auth/password-hasher';

export const BENCH_PASSWORD = 'ett långt lösenord för mätningen';
/** Handlers per organisation; `handler-1@<code>.bench.example` signs in to the benchmark. */
export const HANDLERS_PER_ORGANISATION = 8;

export function benchEmail(organisationCode: string, n: number): string {
  return `handler-${n}@${organisationCode.toLowerCase()}.bench.example`;
}

/** How the cases spread over the demo area's contracts (weights), busiest first. */
const CONTRACT_WEIGHTS: Record<string, number> = {
  'UL-STAD-2019': 34,
  'UL-REGION-SYD-2020': 18,
  'UL-REGION-GUB-2019': 12,
  'UL-REGION-NORR-2018': 8,
  'UL-UPPTAGET-2017': 6,
  'UL-TATORT-2021': 5,
  'UL-SJUKRESA-2020': 4,
  'UL-TIB-2021': 3,
  'SL-SAMVERKAN': 2,
  // No contract found: the authority's own (or its triage).
  '': 8,
};

/** Categories and how often travellers pick them. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  punctuality: 26,
  'staff-treatment': 12,
  'left-behind': 8,
  'vehicle-cleanliness': 5,
  'disruption-information': 7,
  'fares-tickets': 8,
  'timetable-planning': 6,
  'delay-compensation': 5,
  accessibility: 3,
  'stops-shelters': 4,
  safety: 2,
  'threats-violence': 1,
  toilets: 1,
  'onboard-service': 2,
  'lost-property': 3,
  praise: 4,
  other: 3,
};

/** What the authority answers for itself, whoever runs the line. */
const AUTHORITY_CATEGORIES = ['fares-tickets', 'timetable-planning', 'delay-compensation'];

// Sentences of travellers' reports. The first ones come up most often (picked by a skewed
// random index), so some words are common ("bussen", "försenad"), others rare.
const SENTENCES = [
  'Bussen kom inte alls i morse.',
  'Bussen var försenad med tjugo minuter.',
  'Föraren körde förbi hållplatsen trots att jag vinkade.',
  'Jag missade tåget på grund av förseningen.',
  'Bussen var helt full och vi fick stå hela vägen.',
  'Chauffören var mycket otrevlig mot en äldre dam.',
  'Det var smutsigt och luktade illa ombord.',
  'Ingen information på skylten om att turen var inställd.',
  'Appen visade fel avgångstid.',
  'Bussen gick två minuter före tidtabellen.',
  'Jag vill ha ersättning för taxiresan.',
  'Biljettautomaten tog inte mitt kort.',
  'Föraren var väldigt trevlig och hjälpsam, tack!',
  'Det var för kallt i bussen hela resan.',
  'Hållplatsen saknar väderskydd och belysning.',
  'Jag glömde min jacka på bussen.',
  'Tåget stod stilla utan förklaring i en halvtimme.',
  'Varför har ni ändrat tidtabellen på helgerna?',
  'Barnvagnsplatsen var upptagen av resväskor.',
  'Föraren pratade i telefon under körningen.',
  'Skolbussen kom aldrig, barnen fick vänta i kylan.',
  'Anslutningen vid Centralstationen fungerar inte längre.',
  'Det är för få avgångar på kvällen.',
  'Priset för periodkortet har höjts för mycket.',
  'Jag kände mig otrygg när en passagerare bråkade.',
  'Wifi ombord fungerade inte på hela resan.',
  'Dörrarna stängdes mitt framför mig.',
  'Bussen körde alldeles för fort i kurvorna.',
  'Toaletten på tåget var trasig.',
  'Tack för en fin resa med vänlig personal.',
];
/** Words almost nobody writes: a rare search. One case in a few hundred gets one. */
const RARE_SENTENCES = [
  'Rullstolsrampen gick inte att fälla ut.',
  'Ledarhunden fick inte följa med ombord.',
  'En fågel hade flugit in i bussen vid Gottsunda.',
  'Jag tappade mitt paraply vid Flogsta.',
];

/** How resolved cases ended (the case page's outcomes), commonest first. */
const OUTCOMES = ['answered', 'upheld', 'partly-upheld', 'rejected', 'forwarded'];

/** A few improvement actions the forums decided on; root causes by position in the taxonomy. */
const ACTIONS: {
  title: string;
  focusAreas: string[];
  rootCauses: number[];
  contract: string | null;
  status: 'planned' | 'in-progress' | 'done';
  monthsAgo: number;
}[] = [
  {
    title: 'Förarutbildning i bemötande',
    focusAreas: ['staff-treatment'],
    rootCauses: [1],
    contract: 'UL-STAD-2019',
    status: 'in-progress',
    monthsAgo: 3,
  },
  {
    title: 'Ny tidtabell för linje 3 och 4',
    focusAreas: ['punctuality'],
    rootCauses: [5, 7],
    contract: 'UL-STAD-2019',
    status: 'planned',
    monthsAgo: 1,
  },
  {
    title: 'Störningsinformation i appen',
    focusAreas: ['disruption-information'],
    rootCauses: [8],
    contract: null,
    status: 'in-progress',
    monthsAgo: 5,
  },
  {
    title: 'Ramper och hållplatslägen',
    focusAreas: ['accessibility'],
    rootCauses: [],
    contract: 'UL-REGION-SYD-2020',
    status: 'planned',
    monthsAgo: 2,
  },
  {
    title: 'Trygghetsvärdar på kvällstid',
    focusAreas: ['safety'],
    rootCauses: [11],
    contract: 'UL-REGION-GUB-2019',
    status: 'done',
    monthsAgo: 4,
  },
  {
    title: 'Fler avgångar till Gottsunda',
    focusAreas: ['punctuality'],
    rootCauses: [2],
    contract: 'UL-STAD-2019',
    status: 'in-progress',
    monthsAgo: 8,
  },
];

const STOPS = ['Uppsala Centralstation', 'Stora torget', 'Flogsta', 'Gottsunda centrum', 'Gränby'];

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function textArray(values: string[]): string {
  return `ARRAY[${values.map(quote).join(', ')}]::text[]`;
}

/** Cumulative bounds for width_bucket: bucket i (1-based) when bounds[i-1] <= r < bounds[i]. */
function bounds(weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return weights.map((weight) => {
    const bound = running / total;
    running += weight;
    return bound;
  });
}

async function timed<T>(what: string, work: () => Promise<T>, log: (line: string) => void) {
  const started = performance.now();
  const result = await work();
  log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Cases (and their clocks, transfers and handlers) for the benchmark, `count` of them
 * evenly over the three years before `now`, tagged as intake tags them (the category's
 * promises and focus areas), with root causes and an outcome once resolved and about 1 %
 * merged into an earlier case; boardings per contract and month and a few improvement
 * actions for the reports. Needs the demo area's organisations, contracts, categories and
 * taxonomy. Drops the tables' secondary indexes while loading and builds
 * them again afterwards (the same definitions, read from the catalogue), then runs
 * VACUUM ANALYZE.
 */
export async function generateCases(
  pool: Pool,
  count: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET work_mem = '256MB'`);
    // Rows made here satisfy the foreign keys by construction: skip the per-row triggers.
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SELECT setseed(0.4242)`);
    await timed('handlers', () => createHandlers(client), log);
    await prepareLookups(client);
    const indexes = await timed('drop secondary indexes', () => dropIndexes(client), log);
    await timed(`${count} cases`, () => insertCases(client, count), log);
    await timed('merged duplicates', () => mergeDuplicates(client), log);
    await timed('clocks', () => insertClocks(client), log);
    await timed('transfers', () => insertTransfers(client), log);
    await timed('ridership and actions', () => insertPartnership(client), log);
    await timed(
      `rebuild ${indexes.length} indexes`,
      async () => {
        for (const definition of indexes) await client.query(definition);
      },
      log,
    );
    await client.query(
      `SELECT setval('case_reference_seq', (SELECT count(*) FROM cases) + 1000000, false)`,
    );
    await client.query(`RESET session_replication_role`);
    await timed('vacuum analyze', () => client.query(`VACUUM ANALYZE`), log);
  } finally {
    client.release();
  }
}

async function createHandlers(client: PoolClient): Promise<void> {
  const passwordHash = await hash(BENCH_PASSWORD, ARGON2_OPTIONS);
  await client.query(
    `INSERT INTO users (organisation_id, email, name, role, password_hash)
     SELECT o.id, 'handler-' || n || '@' || lower(o.code) || '.bench.example',
            'Handläggare ' || n || ' ' || o.code, 'handler', $1
       FROM organisations o, generate_series(1, $2::int) n
     ON CONFLICT (email) DO NOTHING`,
    [passwordHash, HANDLERS_PER_ORGANISATION],
  );
}

async function prepareLookups(client: PoolClient): Promise<void> {
  const contractCodes = Object.keys(CONTRACT_WEIGHTS);
  const categoryCodes = Object.keys(CATEGORY_WEIGHTS);
  await client.query(`
    CREATE TEMP TABLE bench_contracts AS
    SELECT w.idx, c.id, o.id AS operator_id,
           coalesce(ARRAY(SELECT jsonb_array_elements_text(c.scope -> 'lines')), '{}') AS lines
      FROM unnest(${textArray(contractCodes)}) WITH ORDINALITY AS w(code, idx)
      LEFT JOIN contracts c ON c.code = w.code
      LEFT JOIN organisations o ON o.id = c.operator_id`);
  await client.query(`
    CREATE TEMP TABLE bench_categories AS
    SELECT w.idx, w.code, coalesce(c.promises, '{}') AS promises, coalesce(c.focus_areas, '{}') AS focus_areas
      FROM unnest(${textArray(categoryCodes)}) WITH ORDINALITY AS w(code, idx)
      LEFT JOIN categories c ON c.code = w.code`);
  await client.query(`
    CREATE TEMP TABLE bench_handlers AS
    SELECT organisation_id, (row_number() OVER (PARTITION BY organisation_id ORDER BY email))::int AS n, id
      FROM users WHERE email LIKE '%.bench.example'`);
  await client.query(
    `CREATE TEMP TABLE bench_bounds AS
     SELECT $1::float8[] AS contracts, $2::float8[] AS categories,
            ARRAY(SELECT code FROM taxonomy_terms WHERE kind = 'root-cause' ORDER BY position) AS causes`,
    [bounds(Object.values(CONTRACT_WEIGHTS)), bounds(Object.values(CATEGORY_WEIGHTS))],
  );
}

/** The secondary indexes of the loaded tables: dropped now, their definitions returned. */
async function dropIndexes(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i
     WHERE i.indrelid IN ('cases'::regclass, 'case_clocks'::regclass, 'case_transfers'::regclass)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

async function insertCases(client: PoolClient, count: number): Promise<void> {
  const authorityCategories = textArray(AUTHORITY_CATEGORIES);
  await client.query(
    `
    WITH seed AS MATERIALIZED (
      SELECT i,
             now() - interval '1095 days' * (1 - i::float8 / $1) - interval '1 minute' * random() * 30 AS created_at,
             random() AS r_contract, random() AS r_category, random() AS r_status,
             random() AS r_kind, random() AS r_channel, random() AS r_line, random() AS r_assign,
             random() AS r_handler, random() AS r_reply, random() AS r_rare,
             random() AS r_cause, random() AS r_cause2, random() AS r_outcome,
             floor(power(random(), 2.2) * ${SENTENCES.length})::int + 1 AS s1,
             floor(power(random(), 1.6) * ${SENTENCES.length})::int + 1 AS s2,
             CASE WHEN random() < 0.5 THEN floor(random() * ${SENTENCES.length})::int + 1 END AS s3,
             floor(random() * ${RARE_SENTENCES.length})::int + 1 AS rare,
             floor(random() * ${STOPS.length})::int + 1 AS stop
        FROM generate_series(1, $1::int) AS i
    ),
    shaped AS (
      SELECT s.*, k.id AS contract_id, k.operator_id, k.lines, cat.code AS category,
             cat.promises, cat.focus_areas, b.causes, cardinality(b.causes) AS n_causes,
             floor(power(s.r_cause / 0.75, 1.8) * cardinality(b.causes))::int AS cause,
             extract(epoch FROM now() - s.created_at) / 86400 AS age_days
        FROM seed s
        CROSS JOIN bench_bounds b
        JOIN bench_contracts k ON k.idx = width_bucket(s.r_contract, b.contracts)
        JOIN bench_categories cat ON cat.idx = width_bucket(s.r_category, b.categories)
    ),
    routed AS (
      SELECT sh.*,
             CASE WHEN sh.contract_id IS NULL OR sh.category = ANY (${authorityCategories})
                  THEN (SELECT authority_id FROM area_settings LIMIT 1)
                  ELSE sh.operator_id END AS responsible,
             sh.contract_id IS NULL AND sh.r_line < 0.15 AS triage,
             CASE
               WHEN sh.age_days < 3 THEN
                 CASE WHEN sh.r_status < 0.45 THEN 'new' WHEN sh.r_status < 0.85 THEN 'open'
                      WHEN sh.r_status < 0.92 THEN 'waiting-for-traveller' ELSE 'resolved' END
               WHEN sh.age_days < 14 THEN
                 CASE WHEN sh.r_status < 0.10 THEN 'new' WHEN sh.r_status < 0.45 THEN 'open'
                      WHEN sh.r_status < 0.55 THEN 'waiting-for-traveller' ELSE 'resolved' END
               WHEN sh.age_days < 60 THEN
                 CASE WHEN sh.r_status < 0.15 THEN 'open' WHEN sh.r_status < 0.20 THEN 'waiting-for-traveller'
                      WHEN sh.age_days < 30 THEN 'resolved' ELSE 'closed' END
               ELSE
                 CASE WHEN sh.r_status < 0.007 THEN 'open' WHEN sh.r_status < 0.010 THEN 'waiting-for-traveller'
                      ELSE 'closed' END
             END AS status
        FROM shaped sh
    )
    INSERT INTO cases (reference, kind, category, description, line_text, stop_text, occurred_at, channel,
                       language, contact_name, contact_email, contact_phone, reply_channel, status,
                       created_at, updated_at, contract_id, responsible_organisation_id, triage,
                       routing_confidence, line_ref, assigned_user_id, promises, focus_areas,
                       root_causes, outcome)
    SELECT 'SP-' || to_char(r.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(r.i::text, 7, '0'),
           CASE WHEN r.category = 'praise' THEN 'praise'
                WHEN r.category = 'delay-compensation' THEN 'delay-compensation'
                WHEN r.r_kind < 0.80 THEN 'complaint' WHEN r.r_kind < 0.92 THEN 'question' ELSE 'suggestion' END,
           CASE WHEN r.r_kind > 0.985 THEN NULL ELSE r.category END,
           (${textArray(SENTENCES)})[r.s1] || ' ' || (${textArray(SENTENCES)})[r.s2]
             || coalesce(' ' || (${textArray(SENTENCES)})[r.s3], '')
             || CASE WHEN r.r_rare < 0.004 THEN ' ' || (${textArray(RARE_SENTENCES)})[r.rare] ELSE '' END,
           CASE WHEN cardinality(r.lines) > 0 THEN 'linje ' || r.lines[1 + floor(r.r_line * cardinality(r.lines))::int] END,
           (${textArray(STOPS)})[r.stop],
           r.created_at - interval '1 hour' * r.r_line * 6,
           CASE WHEN r.r_channel < 0.60 THEN 'web' WHEN r.r_channel < 0.80 THEN 'api'
                WHEN r.r_channel < 0.95 THEN 'sms' ELSE 'open311' END,
           CASE WHEN r.r_reply < 0.93 THEN 'sv' ELSE 'en' END,
           'Resenär ' || r.i,
           CASE WHEN r.r_channel < 0.80 THEN 'resenar' || r.i || '@example.se' END,
           CASE WHEN r.r_channel >= 0.80 THEN '+4670' || lpad((r.i % 10000000)::text, 7, '0') END,
           CASE WHEN r.r_channel >= 0.80 THEN 'sms' WHEN r.r_reply < 0.9 THEN 'email' ELSE 'none' END,
           r.status,
           r.created_at,
           r.created_at + interval '1 day' * least(r.age_days, 20 * r.r_assign),
           r.contract_id, r.responsible, r.triage,
           CASE WHEN r.contract_id IS NULL THEN NULL WHEN r.r_line < 0.9 THEN 'high' ELSE 'medium' END,
           CASE WHEN cardinality(r.lines) > 0 THEN r.lines[1 + floor(r.r_line * cardinality(r.lines))::int] END,
           CASE WHEN r.triage THEN NULL
                WHEN r.status IN ('resolved', 'closed') OR r.r_assign < 0.45 THEN h.id END,
           CASE WHEN r.r_kind > 0.985 THEN '{}' ELSE r.promises END,
           CASE WHEN r.r_kind > 0.985 THEN '{}' ELSE r.focus_areas END,
           -- Found by the handler once resolved: one for most cases, a second one for some.
           CASE WHEN r.status NOT IN ('resolved', 'closed') OR r.n_causes < 2 OR r.r_cause >= 0.75
                  THEN '{}'::text[]
                WHEN r.r_cause2 < 0.2
                  THEN ARRAY[r.causes[1 + r.cause],
                             r.causes[1 + (r.cause + 1 + floor(r.r_cause2 * 5 * (r.n_causes - 1))::int) % r.n_causes]]
                ELSE ARRAY[r.causes[1 + r.cause]] END,
           CASE WHEN r.status IN ('resolved', 'closed') THEN
             (${textArray(OUTCOMES)})[1 + floor(power(r.r_outcome, 1.5) * ${OUTCOMES.length})::int] END
      FROM routed r
      LEFT JOIN bench_handlers h ON h.organisation_id = r.responsible
           AND h.n = 1 + floor(r.r_handler * ${HANDLERS_PER_ORGANISATION})::int
     -- In the order they arrived, as intake stores them: a month's cases lie together on disk.
     ORDER BY r.i
    `,
    [count],
  );
}

/**
 * About 1 % of cases turn out to be a duplicate of the case received just before them on
 * the same contract: merged into it and closed, as the inbox's merge leaves them.
 */
async function mergeDuplicates(client: PoolClient): Promise<void> {
  await client.query(`
    UPDATE cases c SET merged_into_case_id = m.head, status = 'closed', outcome = NULL, root_causes = '{}'
      FROM (SELECT id, lag(id) OVER (PARTITION BY contract_id ORDER BY created_at) AS head, random() AS r
              FROM cases) m
     WHERE c.id = m.id AND m.r < 0.01 AND m.head IS NOT NULL`);
}

/**
 * The clocks of each case, as the deadlines module keeps them: the first response (2 days)
 * and the resolution (14 days), and under a contract (all have a passenger-rights regime)
 * the legal reply (a month), which the first answer also meets. Closed cases met them;
 * open ones run or have breached.
 */
async function insertClocks(client: PoolClient): Promise<void> {
  await client.query(`
    INSERT INTO case_clocks (case_id, kind, started_at, due_at, warn_at, warned_at, breached_at, met_at)
    SELECT c.id, k.kind, c.created_at, d.due_at, d.due_at - interval '4 hours',
           CASE WHEN d.due_at - interval '4 hours' < now() AND m.met_at IS NULL THEN d.due_at - interval '4 hours' END,
           CASE WHEN m.met_at IS NULL AND d.due_at < now() THEN d.due_at
                WHEN m.met_at > d.due_at THEN d.due_at END,
           m.met_at
      FROM cases c
     CROSS JOIN (VALUES ('first-response'), ('resolution'), ('legal-reply')) AS k(kind)
     CROSS JOIN LATERAL (SELECT CASE
         WHEN k.kind = 'first-response' THEN c.created_at + interval '2 days'
         WHEN k.kind = 'legal-reply' THEN c.created_at + interval '1 month'
         WHEN c.status = 'waiting-for-traveller' THEN greatest(c.created_at + interval '14 days', now() + interval '3 days')
         ELSE c.created_at + interval '14 days' END AS due_at) d
     CROSS JOIN LATERAL (SELECT CASE
         WHEN c.status IN ('resolved', 'closed') THEN
           CASE WHEN k.kind IN ('first-response', 'legal-reply') THEN c.created_at + (c.updated_at - c.created_at) / 3
                ELSE c.updated_at END
         WHEN c.status IN ('open', 'waiting-for-traveller') AND k.kind IN ('first-response', 'legal-reply')
           THEN c.created_at + least(now() - c.created_at, interval '1 day') / 2
         END AS met_at) m
     WHERE k.kind <> 'legal-reply' OR c.contract_id IS NOT NULL`);
}

/** About 3 % of cases came from another organisation: the authority's from the operator, the rest between operators. */
async function insertTransfers(client: PoolClient): Promise<void> {
  await client.query(`
    INSERT INTO case_transfers (case_id, from_organisation_id, from_contract_id, to_organisation_id,
                                to_contract_id, reason, method, actor, at)
    SELECT c.id,
           CASE WHEN c.responsible_organisation_id = a.authority_id THEN coalesce(k.operator_id, g.id)
                WHEN c.responsible_organisation_id = g.id THEN n.id ELSE g.id END,
           c.contract_id, c.responsible_organisation_id, c.contract_id,
           CASE WHEN c.responsible_organisation_id = a.authority_id THEN 'authority-matter' ELSE 'not-our-line' END,
           'named', 'user:bench', c.created_at + interval '3 hours'
      FROM cases c
      CROSS JOIN (SELECT authority_id FROM area_settings LIMIT 1) a
      CROSS JOIN (SELECT id FROM organisations WHERE code = 'GUB') g
      CROSS JOIN (SELECT id FROM organisations WHERE code = 'NOBINA') n
      LEFT JOIN contracts k ON k.id = c.contract_id
     WHERE random() < 0.03 AND c.responsible_organisation_id IS NOT NULL AND NOT c.triage`);
}

/**
 * Boardings per contract and month (the contract's own row, and one per line) over the
 * data's years and the month before, with the seasons in them; and the forums' improvement
 * actions of ACTIONS.
 */
async function insertPartnership(client: PoolClient): Promise<void> {
  const weights = Object.entries(CONTRACT_WEIGHTS).filter(([code]) => code !== '');
  await client.query(
    `
    WITH months AS (
      SELECT m::date AS month
        FROM generate_series(date_trunc('month', now() - interval '1126 days'), date_trunc('month', now()), interval '1 month') m
    ),
    contract_months AS (
      SELECT mo.month, k.id AS contract_id, k.lines,
             -- About 3.3 million boardings a month in the area, fewer in summer.
             round(3300000 * w.weight / $3::float8
                   * (1 - 0.25 * (extract(month FROM mo.month) IN (6, 7, 8))::int)
                   * (0.9 + 0.2 * random()))::bigint AS boardings
        FROM unnest($1::text[], $2::float8[]) AS w(code, weight)
        JOIN contracts c ON c.code = w.code
        JOIN bench_contracts k ON k.id = c.id
       CROSS JOIN months mo
    )
    INSERT INTO ridership (month, contract_id, line, boardings)
    SELECT month, contract_id, '', boardings FROM contract_months
    UNION ALL
    SELECT cm.month, cm.contract_id, l.line,
           round(cm.boardings / cardinality(cm.lines) * (0.5 + random()))::bigint
      FROM contract_months cm CROSS JOIN LATERAL unnest(cm.lines) AS l(line)
    ON CONFLICT DO NOTHING`,
    [
      weights.map(([code]) => code),
      weights.map(([, weight]) => weight),
      weights.reduce((sum, [, weight]) => sum + weight, 0),
    ],
  );
  for (const action of ACTIONS)
    await client.query(
      `
      WITH decided AS (
        SELECT (date_trunc('month', now()) - interval '1 month' * $5 + interval '4 days')::date AS on_day)
      INSERT INTO improvement_actions (title, root_causes, focus_areas, contract_ids, owner_organisation_id,
                                       decided_on, due_on, status, completed_at)
      SELECT $1, ARRAY(SELECT b.causes[i + 1] FROM unnest($3::int[]) AS i), $2::text[],
             CASE WHEN k.id IS NULL THEN '{}'::uuid[] ELSE ARRAY[k.id] END,
             coalesce(k.operator_id, (SELECT authority_id FROM area_settings LIMIT 1)),
             d.on_day, d.on_day + 120, $6,
             CASE WHEN $6 = 'done' THEN date_trunc('month', now()) - interval '10 days' END
        FROM decided d CROSS JOIN bench_bounds b
        LEFT JOIN contracts k ON k.code = $4`,
      [
        action.title,
        action.focusAreas,
        action.rootCauses,
        action.contract,
        action.monthsAgo,
        action.status,
      ],
    );
}
