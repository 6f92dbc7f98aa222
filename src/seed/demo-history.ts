import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isoDateOf, parseIsoDate, wallClockAt, wallTimeToInstant } from '../calendar/zoned-time';
import type { CaseKind, CaseStatus } from '../cases/case.model';
import type { TransferReason } from '../cases/case-transfer.entity';
import { businessDueAt, calendarDueAt } from '../deadlines/clock-planner';
import { LEGAL_MONTHS } from '../deadlines/clock.model';
import type { ClockPlan } from '../deadlines/clock.model';
import type { CasePolicy } from '../deadlines/response-policies';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { Outcome } from '../inbox/case-action-input';
import { addMonths } from '../reports/report-month';

/**
 * Statistical demo history: about 1,500 cases over the 13 complete months before the
 * clock's month and that month so far, so that a newcomer's first monthly report has
 * trends, comparisons, response times, transfers and root causes to show. They carry no
 * traveller (no name, address, number or own words: the descriptions are a few stock
 * sentences), arrive by 'web' with no reply channel, and are marked by an idempotency key
 * `demo-history-<n>` and a routing reason. Everything is drawn from a seeded PRNG, so the
 * same clock gives the same history; the rows go in with a few set-based statements.
 */

/** The idempotency-key prefix that marks a demo history case. */
export const DEMO_HISTORY_KEY = 'demo-history-';
export const DEMO_HISTORY_REASON =
  'Demohistorik: statistiskt bakgrundsärende utan resenär, för rapporternas trender';

const DEFAULT_SEED = 20_261_107;
/** Cases in an ordinary complete month before the season and the noise. */
const PER_MONTH = 116;
/** How many of a contract's lines the history spreads its cases over. */
const BUSY_LINES = 12;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// ---- the weights ----

type Weighted<T> = Array<[T, number]>;

const KINDS: Weighted<CaseKind> = [
  ['complaint', 68],
  ['praise', 10],
  ['question', 9],
  ['suggestion', 6],
  ['delay-compensation', 7],
];

/** Categories by kind: punctuality and treatment by staff lead, as they do in real life. */
const CATEGORIES: Record<CaseKind, Weighted<string>> = {
  complaint: [
    ['punctuality', 30],
    ['staff-treatment', 20],
    ['disruption-information', 10],
    ['vehicle-cleanliness', 8],
    ['timetable-planning', 6],
    ['accessibility', 4],
    ['stops-shelters', 4],
    ['fares-tickets', 4],
    ['safety', 3],
    ['onboard-service', 3],
    ['other', 3],
    ['left-behind', 2],
    ['toilets', 2],
    ['threats-violence', 1],
  ],
  praise: [
    ['staff-treatment', 55],
    ['praise', 45],
  ],
  question: [
    ['fares-tickets', 40],
    ['timetable-planning', 30],
    ['lost-property', 20],
    ['other', 10],
  ],
  suggestion: [
    ['timetable-planning', 40],
    ['stops-shelters', 25],
    ['onboard-service', 20],
    ['accessibility', 15],
  ],
  'delay-compensation': [['delay-compensation', 1]],
};

/** What a case without a line is about: the authority's own matters. */
const WITHOUT_CONTRACT: Weighted<[CaseKind, string]> = [
  [['question', 'fares-tickets'], 35],
  [['question', 'timetable-planning'], 15],
  [['question', 'lost-property'], 15],
  [['complaint', 'fares-tickets'], 25],
  [['suggestion', 'timetable-planning'], 10],
];

/** Rail-only categories; bus contracts never draw them. */
const RAIL_ONLY = new Set(['toilets']);

/** The demo contracts' shares of the cases; another contract gets the fallback. */
const CONTRACT_WEIGHTS: Record<string, number> = {
  'UL-STAD-2019': 40,
  'UL-REGION-GUB-2019': 12,
  'UL-REGION-SYD-2020': 12,
  'UL-UPPTAGET-2017': 9,
  'UL-REGION-NORR-2018': 8,
  'UL-TATORT-2021': 6,
  'UL-TIB-2021': 3,
  'UL-SJUKRESA-2020': 2,
  'SL-SAMVERKAN': 1,
};
const CONTRACT_FALLBACK_WEIGHT = 3;
const WITHOUT_CONTRACT_WEIGHT = 5;

/** Boardings a month, the denominator of complaint rates. */
const BOARDINGS: Record<string, number> = {
  'UL-STAD-2019': 1_900_000,
  'UL-REGION-GUB-2019': 420_000,
  'UL-REGION-SYD-2020': 610_000,
  'UL-UPPTAGET-2017': 380_000,
  'UL-REGION-NORR-2018': 260_000,
  'UL-TATORT-2021': 170_000,
  'UL-TIB-2021': 90_000,
  'UL-SJUKRESA-2020': 12_000,
};

/** How many first answers come after the target, by contract (the city lags a little). */
const LATE_SHARE: Record<string, number> = { 'UL-STAD-2019': 0.17, 'UL-REGION-SYD-2020': 0.11 };
const LATE_SHARE_FALLBACK = 0.07;

/** Cases by month of the year: winter's snow and dark, summer's holidays. */
const CASE_SEASON = [1.18, 1.12, 1.0, 0.95, 0.93, 0.85, 0.7, 0.92, 1.06, 1.04, 1.1, 1.15];
const RIDERSHIP_SEASON = [0.95, 1.0, 1.02, 1.0, 0.98, 0.85, 0.62, 0.9, 1.05, 1.04, 1.03, 0.88];
/** Arrivals by hour of the day: the rush hours and the evening. */
const HOURS = [
  1, 0.5, 0.3, 0.3, 0.5, 1, 3, 6, 8, 6, 5, 5, 5, 5, 5, 6, 8, 9, 7, 5, 4, 3, 2, 1.5,
].map((weight, hour): [number, number] => [hour, weight]);

const OUTCOMES: Record<CaseKind, Weighted<Outcome>> = {
  complaint: [
    ['upheld', 35],
    ['partly-upheld', 25],
    ['rejected', 25],
    ['answered', 15],
  ],
  praise: [
    ['forwarded', 60],
    ['answered', 40],
  ],
  question: [['answered', 1]],
  suggestion: [
    ['answered', 60],
    ['forwarded', 40],
  ],
  'delay-compensation': [
    ['upheld', 65],
    ['rejected', 35],
  ],
};

/** The root causes a handler records for a category, most likely first. */
const ROOT_CAUSES: Record<string, Weighted<string>> = {
  punctuality: [
    ['congestion-roadworks', 35],
    ['staffing-shortage', 20],
    ['vehicle-fault', 15],
    ['weather', 15],
    ['timetable-planning', 15],
  ],
  'delay-compensation': [
    ['congestion-roadworks', 30],
    ['vehicle-fault', 30],
    ['weather', 20],
    ['staffing-shortage', 20],
  ],
  'staff-treatment': [
    ['staff-conduct', 75],
    ['staffing-shortage', 25],
  ],
  'disruption-information': [
    ['information-systems', 70],
    ['staffing-shortage', 30],
  ],
  'vehicle-cleanliness': [
    ['cleaning', 70],
    ['vehicle-fault', 30],
  ],
  toilets: [
    ['vehicle-fault', 60],
    ['cleaning', 40],
  ],
  safety: [
    ['traveller-behaviour', 60],
    ['staff-conduct', 40],
  ],
  'threats-violence': [['traveller-behaviour', 1]],
  'left-behind': [
    ['staff-conduct', 70],
    ['vehicle-fault', 30],
  ],
  accessibility: [
    ['vehicle-fault', 60],
    ['staff-conduct', 40],
  ],
  'onboard-service': [['vehicle-fault', 1]],
  'stops-shelters': [['third-party', 1]],
  'timetable-planning': [['timetable-planning', 1]],
};
/** Rail's late trains are more often the track's fault. */
const RAIL_PUNCTUALITY: Weighted<string> = [
  ['rail-infrastructure', 45],
  ['vehicle-fault', 20],
  ['weather', 20],
  ['staffing-shortage', 15],
];

/** Stock sentences, without any person in them: what such a case is typically about. */
const DESCRIPTIONS: Record<string, string[]> = {
  punctuality: [
    'Bussen kom över tio minuter för sent och anslutningen missades.',
    'Turen ställdes in utan förvarning.',
    'Bussen gick före tidtabellen från hållplatsen.',
    'Förseningar både till och från jobbet flera dagar i rad.',
  ],
  'staff-treatment': [
    'Föraren var otrevlig vid en fråga om biljetten.',
    'Föraren stannade inte fast resenären vinkade vid hållplatsen.',
    'Otrevligt bemötande vid biljettkontrollen.',
  ],
  'staff-treatment/praise': [
    'Föraren var mycket hjälpsam och vänlig.',
    'Tack till föraren som väntade in en sen anslutning.',
  ],
  praise: ['Tack för en lugn och trevlig resa.', 'Ren och fin buss i morse, tack!'],
  'disruption-information': [
    'Ingen information om den inställda turen i appen.',
    'Skylten på hållplatsen visade fel avgångstid.',
  ],
  'vehicle-cleanliness': [
    'Bussen var smutsig och det låg skräp på sätena.',
    'Trasigt säte längst bak i fordonet.',
  ],
  toilets: ['Toaletten ombord var låst hela resan.'],
  safety: ['Otrygg stämning ombord sent på kvällen.', 'Fordonet körde för fort i kurvorna.'],
  'threats-violence': ['En resenär uppträdde hotfullt mot andra ombord.'],
  'left-behind': ['En resenär med rullstol blev lämnad kvar vid hållplatsen.'],
  'onboard-service': [
    'Wifi ombord fungerade inte under resan.',
    'Laddutagen vid sätena fungerade inte.',
  ],
  accessibility: [
    'Rampen gick inte att fälla ut för barnvagnen.',
    'Hållplatsutropen hördes inte ombord.',
  ],
  'fares-tickets': [
    'Hur fungerar periodbiljetten mellan zonerna?',
    'Appen drog pengar två gånger för samma biljett.',
  ],
  'timetable-planning': [
    'Önskemål om tätare turer på kvällarna.',
    'Bytet mellan linjerna är för kort enligt tidtabellen.',
  ],
  'stops-shelters': [
    'Väderskyddet vid hållplatsen är trasigt.',
    'Belysningen vid hållplatsen fungerar inte.',
  ],
  'lost-property': ['En ryggsäck glömdes kvar ombord i morse.'],
  'delay-compensation': [
    'Ansökan om förseningsersättning för en resa som blev över 20 minuter sen.',
  ],
  other: ['Allmän synpunkt om trafiken.'],
};

// ---- the generator ----

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Draw {
  constructor(readonly random: () => number) {}

  chance(p: number): boolean {
    return this.random() < p;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.random();
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  weighted<T>(items: Weighted<T>): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.random() * total;
    for (const [item, weight] of items) {
      left -= weight;
      if (left < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A version-4-shaped UUID from the PRNG, so that the history is reproducible. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

interface ContractInfo {
  id: string;
  code: string;
  operatorId: string;
  mode: string;
  weight: number;
  lines: Array<{ line: string; routeId: string | null }>;
  rules: Record<string, string>;
  defaultResponsible: string;
}

interface World {
  timeZone: string;
  authorityId: string;
  organisations: Map<string, string>;
  contracts: ContractInfo[];
  categories: Set<string>;
  rootCauses: Set<string>;
  actions: Array<{ decidedAt: number; contractIds: string[]; focusAreas: string[] }>;
  categoryFocus: Map<string, string[]>;
}

interface CaseRow {
  n: number;
  id: string;
  year: string;
  key: string;
  kind: CaseKind;
  category: string;
  description: string;
  line: string | null;
  routeId: string | null;
  mode: string | null;
  occurredAt: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  contractId: string | null;
  responsibleId: string;
  reasons: string[];
  rootCauses: string;
  outcome: Outcome | null;
  mergedInto: string | null;
}

interface ClockRow {
  caseId: string;
  kind: string;
  startedAt: string;
  dueAt: string | null;
  warnAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
}

interface TransferRow {
  caseId: string;
  fromOrganisationId: string;
  fromContractId: string;
  toOrganisationId: string;
  toContractId: string;
  reason: TransferReason;
  method: 'reroute' | 'named';
  at: string;
}

export interface DemoHistorySummary {
  cases: number;
  merged: number;
  transfers: number;
  ridership: number;
  months: string[];
}

type Planner = (
  facts: { kind: CaseKind; responsibleOrganisationId: string; contractId: string | null },
  receivedAt: Date,
) => Promise<ClockPlan[]>;

/** Writes the demo history when no demo history case exists yet; see the file's comment. */
@Injectable()
export class DemoHistoryService {
  private readonly logger = new Logger(DemoHistoryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async seed(seed = DEFAULT_SEED): Promise<DemoHistorySummary | null> {
    const started = performance.now();
    const summary = await this.dataSource.transaction(async (manager) => {
      const [{ any }] = await manager.query<{ any: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM cases WHERE idempotency_key LIKE $1) AS any`,
        [`${DEMO_HISTORY_KEY}%`],
      );
      if (any) return null;
      const world = await readWorld(manager);
      if (!world) return null;
      return writeHistory(
        manager,
        world,
        this.clock.now(),
        new Draw(seededRandom(seed)),
        this.planner(),
      );
    });
    if (summary)
      this.logger.log(
        { ...summary, months: summary.months.length, ms: Math.round(performance.now() - started) },
        'demo history seeded',
      );
    return summary;
  }

  /**
   * The two clocks the reports read, due as the case's rules say: the first response in
   * the party's business time, the legal reply in calendar months. Intake's full plan (with
   * warnings and the resolution clocks) costs too much for 1,500 cases at every start.
   */
  private planner(): Planner {
    const policies = new Map<string, CasePolicy | null>();
    return async (facts, receivedAt) => {
      const key = `${facts.kind}|${facts.responsibleOrganisationId}|${facts.contractId}`;
      if (!policies.has(key)) policies.set(key, await this.deadlines.policyFor(facts));
      const policy = policies.get(key);
      if (!policy) return [];
      let firstDue: Date | null = null;
      try {
        firstDue = businessDueAt(policy.calendar, receivedAt, policy.targets.firstResponse, []);
      } catch {
        // A calendar that never opens: the clock runs without a due time, as at intake.
      }
      const clocks: ClockPlan[] = [
        { kind: 'first-response', startedAt: receivedAt, dueAt: firstDue, warnAt: null },
      ];
      if (policy.regime)
        clocks.push({
          kind: 'legal-reply',
          startedAt: receivedAt,
          dueAt: calendarDueAt(
            receivedAt,
            LEGAL_MONTHS[policy.regime].reply,
            [],
            policy.calendar.timeZone,
          ),
          warnAt: null,
        });
      return clocks;
    };
  }
}

async function readWorld(manager: EntityManager): Promise<World | null> {
  const [area] = await manager.query<{ timeZone: string; authorityId: string }[]>(
    `SELECT time_zone AS "timeZone", authority_id AS "authorityId" FROM area_settings WHERE id = 1`,
  );
  if (!area) return null;
  const organisations = new Map(
    (await manager.query<{ id: string; code: string }[]>('SELECT id, code FROM organisations')).map(
      (row) => [row.code, row.id],
    ),
  );
  const categoryRows = await manager.query<{ code: string; focusAreas: string[] }[]>(
    'SELECT code, focus_areas AS "focusAreas" FROM categories',
  );
  const rootCauses = await manager.query<{ code: string }[]>(
    `SELECT code FROM taxonomy_terms WHERE kind = 'root-cause'`,
  );
  const routes = await manager.query<{ operator: string; line: string; routeId: string }[]>(
    `SELECT o.operator_name AS operator, r.short_name AS line, min(r.route_id) AS "routeId"
       FROM gtfs_route_operators o
       JOIN gtfs_routes r ON r.feed_id = o.feed_id AND r.route_id = o.route_id
       JOIN gtfs_feeds f ON f.id = o.feed_id AND f.active
      GROUP BY 1, 2`,
  );
  const contractRows = await manager.query<
    Array<{
      id: string;
      code: string;
      operatorId: string;
      mode: string;
      scope: { lines?: string[]; operatorNames?: string[] };
      responsibility: { default?: string; rules?: Record<string, string> };
    }>
  >(
    `SELECT id, code, operator_id AS "operatorId", mode, scope, responsibility FROM contracts
      WHERE valid_from <= now() AND (valid_to IS NULL OR valid_to >= now()) ORDER BY code`,
  );
  const byNumber = (a: string, b: string) =>
    a.localeCompare(b, 'sv', { numeric: true, sensitivity: 'base' });
  const contracts = contractRows.map((row): ContractInfo => {
    const scopeLines = row.scope.lines ?? [];
    const names = new Set(row.scope.operatorNames ?? []);
    const known = routes.filter(
      (route) =>
        names.has(route.operator) && (scopeLines.length === 0 || scopeLines.includes(route.line)),
    );
    const lines = known.length
      ? [...new Map(known.map((route) => [route.line, route.routeId]))]
          .sort(([a], [b]) => byNumber(a, b))
          .map(([line, routeId]) => ({ line, routeId }))
      : scopeLines.map((line) => ({ line, routeId: null }));
    return {
      id: row.id,
      code: row.code,
      operatorId: row.operatorId,
      mode: row.mode,
      weight: CONTRACT_WEIGHTS[row.code] ?? CONTRACT_FALLBACK_WEIGHT,
      lines,
      rules: row.responsibility.rules ?? {},
      defaultResponsible: row.responsibility.default ?? 'operator',
    };
  });
  const actions = await manager.query<
    { decidedOn: string; contractIds: string[]; focusAreas: string[] }[]
  >(
    `SELECT to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn", contract_ids::text[] AS "contractIds",
            focus_areas AS "focusAreas"
       FROM improvement_actions WHERE status <> 'cancelled'`,
  );
  return {
    timeZone: area.timeZone,
    authorityId: area.authorityId,
    organisations,
    contracts,
    categories: new Set(categoryRows.map((row) => row.code)),
    categoryFocus: new Map(categoryRows.map((row) => [row.code, row.focusAreas])),
    rootCauses: new Set(rootCauses.map((row) => row.code)),
    actions: actions.map((action) => ({
      decidedAt: wallTimeToInstant(parseIsoDate(action.decidedOn) ?? 0, 0, area.timeZone),
      contractIds: action.contractIds,
      focusAreas: action.focusAreas,
    })),
  };
}

/** Who answers a case of this category under the contract, as the area file's rules say. */
function responsibleFor(world: World, contract: ContractInfo | null, category: string): string {
  if (!contract) return world.authorityId;
  const party = contract.rules[category] ?? contract.defaultResponsible;
  if (party === 'operator') return contract.operatorId;
  if (party === 'authority') return world.authorityId;
  return world.organisations.get(party) ?? contract.operatorId;
}

async function writeHistory(
  manager: EntityManager,
  world: World,
  now: Date,
  draw: Draw,
  plan: Planner,
): Promise<DemoHistorySummary> {
  const nowMs = now.getTime();
  const zone = world.timeZone;
  const todayNo = wallClockAt(nowMs, zone).dayNo;
  const thisMonth = isoDateOf(todayNo).slice(0, 7);
  const months = Array.from({ length: 14 }, (_, i) => addMonths(thisMonth, i - 13));
  const yearOf = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric' });
  const contractWeights: Weighted<ContractInfo | null> = [
    ...world.contracts
      .filter((contract) => contract.weight > 0)
      .map((contract): [ContractInfo, number] => [contract, contract.weight]),
    [null, WITHOUT_CONTRACT_WEIGHT],
  ];
  const has = (category: string) => world.categories.has(category);
  const iso = (ms: number) => new Date(ms).toISOString();

  const cases: CaseRow[] = [];
  const clocks: ClockRow[] = [];
  const transfers: TransferRow[] = [];

  // Arrival instants first, oldest first, so that references grow with time.
  const arrivals: number[] = [];
  months.forEach((month, index) => {
    const firstDay = parseIsoDate(`${month}-01`) as number;
    const nextFirst = parseIsoDate(`${addMonths(month, 1)}-01`) as number;
    const current = month === thisMonth;
    const lastDay = current ? todayNo : nextFirst - 1;
    const share = current ? (todayNo - firstDay + 1) / (nextFirst - firstDay) : 1;
    const season = CASE_SEASON[Number(month.slice(5, 7)) - 1];
    // A slow drift upwards over the year, as the traffic grows.
    const drift = 0.94 + (0.08 * index) / 13;
    const count = Math.round(PER_MONTH * season * drift * draw.between(0.9, 1.1) * share);
    for (let i = 0; i < count; i++) {
      const day = draw.int(firstDay, lastDay);
      const at = wallTimeToInstant(
        day,
        draw.weighted(HOURS) * HOUR_MS + draw.int(0, HOUR_MS - 1),
        zone,
      );
      // Today's cases arrive before now; a later draw lands earlier the same day.
      arrivals.push(at < nowMs - 600_000 ? at : nowMs - draw.int(10, 600) * 60_000);
    }
  });
  arrivals.sort((a, b) => a - b);

  const lastMonthStart = wallTimeToInstant(parseIsoDate(`${thisMonth}-01`) as number, 0, zone);
  for (const createdMs of arrivals) {
    const contract = draw.weighted(contractWeights);
    let kind: CaseKind;
    let category: string;
    if (contract) {
      kind = draw.weighted(KINDS);
      const choices = CATEGORIES[kind].filter(
        ([code]) => has(code) && (contract.mode === 'rail' || !RAIL_ONLY.has(code)),
      );
      if (!choices.length) continue;
      category = draw.weighted(choices);
    } else {
      const choices = WITHOUT_CONTRACT.filter(([[, code]]) => has(code));
      if (!choices.length) continue;
      [kind, category] = draw.weighted(choices);
    }
    // What the forums decided shows: fewer such complaints after an action was decided.
    const focus = world.categoryFocus.get(category) ?? [];
    const helped = world.actions.some(
      (action) =>
        createdMs >= action.decidedAt &&
        (action.contractIds.length === 0 ||
          (contract !== null && action.contractIds.includes(contract.id))) &&
        action.focusAreas.some((area) => focus.includes(area)),
    );
    if (kind === 'complaint' && helped && draw.chance(0.35)) continue;

    // Most cases concern a contract's busiest lines: the first dozen, the first ones most.
    const lines = contract?.lines.slice(0, BUSY_LINES) ?? [];
    const line = lines.length ? lines[Math.floor(lines.length * draw.random() ** 2)] : null;
    const responsibleId = responsibleFor(world, contract, category);
    const current = createdMs >= lastMonthStart;
    const id = draw.uuid();
    const descriptionKey =
      kind === 'praise' && category === 'staff-treatment' ? 'staff-treatment/praise' : category;
    const description = draw.pick(DESCRIPTIONS[descriptionKey] ?? DESCRIPTIONS.other);

    const planned = await plan(
      { kind, responsibleOrganisationId: responsibleId, contractId: contract?.id ?? null },
      new Date(createdMs),
    );
    const dueOf = (clockKind: string) =>
      planned.find((clock) => clock.kind === clockKind)?.dueAt?.getTime() ?? null;
    const firstDue = dueOf('first-response') ?? createdMs + 2 * DAY_MS;
    const span = Math.max(firstDue - createdMs, HOUR_MS);
    const late = draw.chance(contract ? (LATE_SHARE[contract.code] ?? LATE_SHARE_FALLBACK) : 0.05);
    let firstMet = late
      ? firstDue + Math.max(HOUR_MS, draw.between(0.1, 1.6) * span)
      : createdMs + draw.between(0.05, 0.95) ** 1.3 * span;
    const handling = (kind === 'question' ? draw.between(0, 2) : draw.between(0.5, 9)) * DAY_MS;
    let resolvedAt = firstMet + handling;
    // A few legal replies come after the law's month.
    const legalDue = dueOf('legal-reply');
    let legalMet = firstMet;
    if (legalDue && !current && draw.chance(0.03)) {
      legalMet = legalDue + draw.between(1, 12) * DAY_MS;
      resolvedAt = Math.max(resolvedAt, legalMet);
    }

    let status: CaseStatus;
    if (current) {
      if (firstMet > nowMs) {
        firstMet = Number.NaN;
        legalMet = Number.NaN;
        status = draw.chance(0.5) ? 'new' : 'open';
      } else status = resolvedAt <= nowMs ? 'resolved' : 'open';
    } else {
      // Older cases are all settled; one finished late in the month before is clamped to now.
      const latest = nowMs - 30 * 60_000;
      firstMet = Math.max(createdMs + 60_000, Math.min(firstMet, latest - HOUR_MS));
      legalMet = Math.max(firstMet, Math.min(legalMet, latest));
      resolvedAt = Math.max(legalMet, Math.min(resolvedAt, latest));
      status = draw.chance(0.85) ? 'resolved' : 'closed';
    }
    const settled = status === 'resolved' || status === 'closed';
    if (!settled) resolvedAt = Number.NaN;
    const outcome = settled ? draw.weighted(OUTCOMES[kind]) : null;
    const causes = (
      contract?.mode === 'rail' && ['punctuality', 'delay-compensation'].includes(category)
        ? RAIL_PUNCTUALITY
        : (ROOT_CAUSES[category] ?? [])
    ).filter(([code]) => world.rootCauses.has(code));
    const rootCauses =
      settled && (kind === 'complaint' || kind === 'delay-compensation') && causes.length
        ? draw.chance(0.65)
          ? [draw.weighted(causes)]
          : []
        : [];
    const lastActivity = [createdMs, firstMet, resolvedAt].filter(Number.isFinite);

    const row: CaseRow = {
      n: cases.length,
      id,
      year: yearOf.format(new Date(createdMs)),
      key: '',
      kind,
      category,
      description,
      line: line?.line ?? null,
      routeId: line?.routeId ?? null,
      mode: contract?.mode ?? null,
      occurredAt: iso(createdMs - draw.int(10, 240) * 60_000),
      status,
      createdAt: iso(createdMs),
      updatedAt: iso(Math.max(...lastActivity)),
      contractId: contract?.id ?? null,
      responsibleId,
      reasons: [
        DEMO_HISTORY_REASON,
        contract
          ? `linje ${line?.line ?? '–'} → avtal ${contract.code}`
          : 'utan linje → myndigheten',
      ],
      rootCauses: rootCauses.join(','),
      outcome,
      mergedInto: null,
    };
    cases.push(row);
    const met: Record<string, number> = { 'first-response': firstMet, 'legal-reply': legalMet };
    clocks.push(...clockRows(id, planned, createdMs, met, nowMs));

    // A few cases reached the wrong party first and were handed on ("not ours").
    if (contract && responsibleId === contract.operatorId && draw.chance(0.05)) {
      const others = world.contracts.filter(
        (other) =>
          other.operatorId !== contract.operatorId &&
          other.mode === contract.mode &&
          other.weight > 1,
      );
      if (others.length) {
        const from = draw.pick(others);
        const until = Number.isFinite(firstMet) ? firstMet : nowMs;
        transfers.push({
          caseId: id,
          fromOrganisationId: from.operatorId,
          fromContractId: from.id,
          toOrganisationId: responsibleId,
          toContractId: contract.id,
          reason: draw.chance(0.6) ? 'not-our-line' : 'not-our-operator',
          method: draw.chance(0.5) ? 'named' : 'reroute',
          at: iso(createdMs + draw.between(0.1, 0.8) * (until - createdMs)),
        });
      }
    }

    // And a few travellers wrote twice: the second was merged into the first.
    const duplicateAt = createdMs + draw.int(2, 90) * 60_000;
    if (draw.chance(0.022) && duplicateAt < nowMs - 600_000) {
      const mergedAt = Math.min(duplicateAt + draw.between(1, 20) * HOUR_MS, nowMs - 60_000);
      const duplicateId = draw.uuid();
      cases.push({
        ...row,
        n: cases.length,
        id: duplicateId,
        year: yearOf.format(new Date(duplicateAt)),
        description: draw.pick(DESCRIPTIONS[descriptionKey] ?? DESCRIPTIONS.other),
        occurredAt: row.occurredAt,
        status: 'closed',
        createdAt: iso(duplicateAt),
        updatedAt: iso(mergedAt),
        rootCauses: '',
        outcome: null,
        mergedInto: id,
      });
      const duplicatePlan = planned.map((clock) => ({
        ...clock,
        startedAt: new Date(duplicateAt),
      }));
      const stopped = Object.fromEntries(planned.map((clock) => [clock.kind, mergedAt]));
      clocks.push(...clockRows(duplicateId, duplicatePlan, duplicateAt, stopped, nowMs));
    }
  }
  // References follow arrival: a duplicate drawn after its case may arrive before the next.
  cases.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  cases.forEach((row, n) => {
    row.n = n;
    row.key = `${DEMO_HISTORY_KEY}${String(n + 1).padStart(5, '0')}`;
  });

  await manager.query(
    `INSERT INTO cases (id, reference, idempotency_key, kind, category, description, line_text,
                        occurred_at, channel, language, reply_channel, status, created_at,
                        updated_at, contract_id, responsible_organisation_id, triage,
                        routing_confidence, routing_reasons, gtfs_route_id, line_ref, mode,
                        promises, focus_areas, root_causes, outcome, merged_into_case_id)
     SELECT r.id, 'SP-' || r.year || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
            r.key, r.kind, r.category, r.description, r.line, r."occurredAt", 'web', 'sv', 'none',
            r.status, r."createdAt", r."updatedAt", r."contractId", r."responsibleId", false,
            'high', r.reasons, r."routeId", r.line, r.mode,
            coalesce(cat.promises, '{}'), coalesce(cat.focus_areas, '{}'),
            coalesce(string_to_array(nullif(r."rootCauses", ''), ','), '{}'), r.outcome,
            r."mergedInto"
       FROM jsonb_to_recordset($1::jsonb) AS r(
              n int, id uuid, year text, key text, kind text, category text, description text,
              line text, "routeId" text, mode text, "occurredAt" timestamptz, status text,
              "createdAt" timestamptz, "updatedAt" timestamptz, "contractId" uuid,
              "responsibleId" uuid, reasons jsonb, "rootCauses" text, outcome text,
              "mergedInto" uuid)
       LEFT JOIN categories cat ON cat.code = r.category
      ORDER BY r.n`,
    [JSON.stringify(cases)],
  );
  await manager.query(
    `INSERT INTO case_events (case_id, at, actor, type, data)
     SELECT id, created_at, 'system', 'created',
            jsonb_build_object('channel', channel, 'kind', kind, 'category', category,
                               'demoHistory', true)
       FROM cases WHERE idempotency_key LIKE $1`,
    [`${DEMO_HISTORY_KEY}%`],
  );
  await manager.query(
    `INSERT INTO case_clocks (case_id, kind, started_at, due_at, warn_at, warned_at, breached_at, met_at)
     SELECT "caseId", kind, "startedAt", "dueAt", "warnAt", "warnedAt", "breachedAt", "metAt"
       FROM jsonb_to_recordset($1::jsonb) AS c(
              "caseId" uuid, kind text, "startedAt" timestamptz, "dueAt" timestamptz,
              "warnAt" timestamptz, "warnedAt" timestamptz, "breachedAt" timestamptz,
              "metAt" timestamptz)`,
    [JSON.stringify(clocks)],
  );
  if (transfers.length)
    await manager.query(
      `INSERT INTO case_transfers (case_id, from_organisation_id, from_contract_id,
                                   to_organisation_id, to_contract_id, reason, method, actor, at)
       SELECT "caseId", "fromOrganisationId", "fromContractId", "toOrganisationId",
              "toContractId", reason, method, 'system', at
         FROM jsonb_to_recordset($1::jsonb) AS t(
                "caseId" uuid, "fromOrganisationId" uuid, "fromContractId" uuid,
                "toOrganisationId" uuid, "toContractId" uuid, reason text, method text,
                at timestamptz)`,
      [JSON.stringify(transfers)],
    );
  const ridership = ridershipRows(world, months.slice(0, -1), draw);
  const [{ count: ridershipRowsAdded }] = await manager.query<{ count: number }[]>(
    `WITH added AS (
       INSERT INTO ridership (month, contract_id, line, boardings)
       SELECT month, "contractId", '', boardings
         FROM jsonb_to_recordset($1::jsonb) AS r(month date, "contractId" uuid, boardings bigint)
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS count FROM added`,
    [JSON.stringify(ridership)],
  );
  return {
    cases: cases.length,
    merged: cases.filter((row) => row.mergedInto).length,
    transfers: transfers.length,
    ridership: ridershipRowsAdded,
    months,
  };
}

/** A case's clocks as planned, met when given (and not after now), breached when late. */
function clockRows(
  caseId: string,
  planned: ClockPlan[],
  startedMs: number,
  met: Record<string, number>,
  nowMs: number,
): ClockRow[] {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return planned.map((clock) => {
    const metMs =
      Number.isFinite(met[clock.kind]) && met[clock.kind] <= nowMs ? met[clock.kind] : null;
    const due = clock.dueAt?.getTime() ?? null;
    const warn = clock.warnAt?.getTime() ?? null;
    const until = metMs ?? nowMs;
    return {
      caseId,
      kind: clock.kind,
      startedAt: iso(startedMs) as string,
      dueAt: iso(due),
      warnAt: iso(warn),
      warnedAt: warn !== null && warn < until ? iso(warn) : null,
      breachedAt: due !== null && due < until ? iso(due) : null,
      metAt: iso(metMs),
    };
  });
}

/** Boardings per contract and complete month: the season, and a little noise. */
function ridershipRows(
  world: World,
  months: string[],
  draw: Draw,
): Array<{ month: string; contractId: string; boardings: number }> {
  return world.contracts
    .filter((contract) => BOARDINGS[contract.code])
    .flatMap((contract) =>
      months.map((month) => ({
        month: `${month}-01`,
        contractId: contract.id,
        boardings: Math.round(
          BOARDINGS[contract.code] *
            RIDERSHIP_SEASON[Number(month.slice(5, 7)) - 1] *
            draw.between(0.97, 1.03),
        ),
      })),
    );
}
