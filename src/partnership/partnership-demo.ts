import type { DataSource, EntityManager } from 'typeorm';
import { isoDateOf, wallClockAt } from '../calendar/zoned-time';
import { CycleEntity, ForumEntity, ImprovementActionEntity } from './partnership.entities';

/**
 * The demo area's forums: the whole area's and the city contract's, each with two cycles:
 * the half-year before the one the clock is in (`previous`) and that one (`current`).
 */
const DEMO_FORUMS = [
  {
    code: 'UL-OMRADE',
    name: 'Partnerskapsforum Uppsala län',
    contract: null,
    members: [
      'admin@ul.example',
      'handlaggare@ul.example',
      'handlaggare@gub.example',
      'forum@ul.example',
    ],
    cycles: {
      previous: ['punctuality', 'disruption-information'],
      current: ['safety', 'accessibility'],
    },
  },
  {
    code: 'UL-STAD-2019-FORUM',
    name: 'Partnerskapsforum stadstrafiken',
    contract: 'UL-STAD-2019',
    members: ['admin@ul.example', 'handlaggare@gub.example'],
    cycles: {
      previous: ['punctuality', 'staff-treatment'],
      current: ['staff-treatment', 'disruption-information'],
    },
  },
];

/**
 * Improvement actions the forums decided in the current cycle, days counted from today so
 * that their effect (the complaint rate before and after the decision) can be measured.
 */
const DEMO_ACTIONS = [
  {
    forum: 'UL-STAD-2019-FORUM',
    title: 'Bemötandeutbildning för förarna i stadstrafiken',
    description:
      'Alla förare i stadstrafiken går en halvdag om bemötande och konflikthantering, och trafikledningen följer upp klagomålen varje vecka.',
    owner: 'GUB',
    contracts: ['UL-STAD-2019'],
    rootCauses: ['staff-conduct', 'staffing-shortage'],
    focusAreas: ['staff-treatment'],
    decidedDaysAgo: 75,
    dueInDays: 45,
    status: 'in-progress' as const,
  },
  {
    forum: 'UL-OMRADE',
    title: 'Störningsinformation i realtid på hållplatsernas skyltar',
    description:
      'Inställda och försenade turer visas på skyltarna och i appen inom fem minuter från trafikledningens beslut.',
    owner: 'UL',
    contracts: [],
    rootCauses: ['information-systems'],
    focusAreas: ['disruption-information', 'punctuality'],
    decidedDaysAgo: 40,
    dueInDays: 140,
    status: 'planned' as const,
  },
];

/** The half-years (e.g. 2026H2) the clock is in and the one before, as cycle dates. */
export function demoHalves(
  today: string,
): Record<'previous' | 'current', { code: string; startsOn: string; endsOn: string }> {
  const half = (year: number, second: boolean) => ({
    code: `${year}H${second ? 2 : 1}`,
    startsOn: `${year}-${second ? '07-01' : '01-01'}`,
    endsOn: `${year}-${second ? '12-31' : '06-30'}`,
  });
  const year = Number(today.slice(0, 4));
  const second = Number(today.slice(5, 7)) > 6;
  return {
    previous: second ? half(year, false) : half(year - 1, true),
    current: half(year, second),
  };
}

/**
 * Seeds the demo forums and cycles (the current half-year and the one before, by `now` in
 * the area's time zone) and two improvement actions of the current cycle into a database
 * that has no forums yet; a forum whose contract or focus areas the loaded area lacks is
 * left out. Returns how many forums were made.
 */
export async function seedDemoPartnership(dataSource: DataSource, now: Date): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [{ any }] = await manager.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM forums) AS any',
    );
    if (any) return 0;
    const [area] = await manager.query<{ timeZone: string }[]>(
      'SELECT time_zone AS "timeZone" FROM area_settings WHERE id = 1',
    );
    const todayNo = wallClockAt(now.getTime(), area?.timeZone ?? 'Europe/Stockholm').dayNo;
    const halves = demoHalves(isoDateOf(todayNo));
    const focusAreas = await codesOf(manager, 'focus-area');
    const currentCycles = new Map<string, string>();
    let created = 0;
    for (const demo of DEMO_FORUMS) {
      let contractId: string | null = null;
      if (demo.contract) {
        const [row] = await manager.query<{ id: string }[]>(
          'SELECT id FROM contracts WHERE code = $1',
          [demo.contract],
        );
        if (!row) continue;
        contractId = row.id;
      }
      const forum = await manager.save(
        manager.create(ForumEntity, {
          code: demo.code,
          name: demo.name,
          contractId,
          members: demo.members,
        }),
      );
      for (const which of ['previous', 'current'] as const) {
        const { code, startsOn, endsOn } = halves[which];
        const cycle = await manager.save(
          manager.create(CycleEntity, {
            forumId: forum.id,
            code,
            startsOn,
            endsOn,
            focusAreas: demo.cycles[which].filter((area) => focusAreas.has(area)),
            reflections: null,
            decisions: null,
            closedAt: null,
          }),
        );
        if (which === 'current') currentCycles.set(demo.code, cycle.id);
      }
      created++;
    }
    await seedDemoActions(manager, todayNo, currentCycles);
    return created;
  });
}

async function codesOf(manager: EntityManager, kind: string): Promise<Set<string>> {
  const rows = await manager.query<{ code: string }[]>(
    'SELECT code FROM taxonomy_terms WHERE kind = $1',
    [kind],
  );
  return new Set(rows.map((row) => row.code));
}

/** The demo actions whose forum and owner exist, linked to their forum's current cycle. */
async function seedDemoActions(
  manager: EntityManager,
  todayNo: number,
  currentCycles: Map<string, string>,
): Promise<void> {
  const rootCauses = await codesOf(manager, 'root-cause');
  const focusAreas = await codesOf(manager, 'focus-area');
  for (const demo of DEMO_ACTIONS) {
    const cycleId = currentCycles.get(demo.forum);
    const [owner] = await manager.query<{ id: string }[]>(
      'SELECT id FROM organisations WHERE code = $1',
      [demo.owner],
    );
    const contracts = await manager.query<{ id: string }[]>(
      'SELECT id FROM contracts WHERE code = ANY($1::text[])',
      [demo.contracts],
    );
    if (!cycleId || !owner || contracts.length !== demo.contracts.length) continue;
    await manager.save(
      manager.create(ImprovementActionEntity, {
        title: demo.title,
        description: demo.description,
        rootCauses: demo.rootCauses.filter((code) => rootCauses.has(code)),
        focusAreas: demo.focusAreas.filter((code) => focusAreas.has(code)),
        contractIds: contracts.map((row) => row.id),
        ownerOrganisationId: owner.id,
        decidedOn: isoDateOf(todayNo - demo.decidedDaysAgo),
        dueOn: isoDateOf(todayNo + demo.dueInDays),
        status: demo.status,
        completedAt: null,
        cycleId,
        createdBy: null,
      }),
    );
  }
}
