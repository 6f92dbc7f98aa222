import type { EntityManager } from 'typeorm';

export type PartnershipEntityKind = 'forum' | 'cycle' | 'action' | 'ridership';

export interface PartnershipEventInput {
  actorUserId: string | null;
  what: string;
  entity: PartnershipEntityKind;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Writes one audit row in the caller's transaction: every write of the partnership leaves one. */
export async function recordPartnershipEvent(
  manager: EntityManager,
  event: PartnershipEventInput,
): Promise<void> {
  await manager.query(
    `INSERT INTO partnership_events (at, actor_user_id, what, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      event.at,
      event.actorUserId,
      event.what,
      event.entity,
      event.entityId,
      event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
      event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
    ],
  );
}
