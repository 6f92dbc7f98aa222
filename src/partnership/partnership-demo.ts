import type { DataSource } from 'typeorm';
import { CycleEntity, ForumEntity } from './partnership.entities';

/** The demo area's forums: the whole area's and the city contract's, each with two cycles. */
const DEMO_FORUMS = [
  {
    code: 'UL-OMRADE',
    name: 'Partnerskapsforum Uppsala län',
    contract: null,
    members: ['admin@ul.example', 'handlaggare@ul.example', 'handlaggare@gub.example'],
    cycles: [
      { code: '2026H1', focusAreas: ['punctuality', 'disruption-information'] },
      { code: '2026H2', focusAreas: ['safety', 'accessibility'] },
    ],
  },
  {
    code: 'UL-STAD-2019-FORUM',
    name: 'Partnerskapsforum stadstrafiken',
    contract: 'UL-STAD-2019',
    members: ['admin@ul.example', 'handlaggare@gub.example'],
    cycles: [
      { code: '2026H1', focusAreas: ['punctuality', 'staff-treatment'] },
      { code: '2026H2', focusAreas: ['staff-treatment', 'disruption-information'] },
    ],
  },
];

const HALVES: Record<string, { startsOn: string; endsOn: string }> = {
  '2026H1': { startsOn: '2026-01-01', endsOn: '2026-06-30' },
  '2026H2': { startsOn: '2026-07-01', endsOn: '2026-12-31' },
};

/**
 * Seeds the demo forums and cycles into a database that has no forums yet; a forum whose
 * contract or focus areas the loaded area lacks is left out. Returns how many were made.
 */
export async function seedDemoPartnership(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [{ any }] = await manager.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM forums) AS any',
    );
    if (any) return 0;
    const focusAreas = new Set(
      (
        await manager.query<{ code: string }[]>(
          `SELECT code FROM taxonomy_terms WHERE kind = 'focus-area'`,
        )
      ).map((row) => row.code),
    );
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
      for (const cycle of demo.cycles)
        await manager.save(
          manager.create(CycleEntity, {
            forumId: forum.id,
            code: cycle.code,
            ...HALVES[cycle.code],
            focusAreas: cycle.focusAreas.filter((code) => focusAreas.has(code)),
            reflections: null,
            decisions: null,
            closedAt: null,
          }),
        );
      created++;
    }
    return created;
  });
}
