import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JOB_QUEUE, JobName, JobPayloads } from '../infra/queue/queue.registry';
import { OutboxEntity } from './outbox.entity';

export interface ClaimedOutboxRow {
  id: string;
  queue: string;
  jobName: string;
  payload: Record<string, string>;
}

/** Writes jobs into the outbox inside the caller's transaction, and tracks them after. */
@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a job that will reach its queue once the caller's transaction commits. */
  async add<J extends JobName>(
    manager: EntityManager,
    job: J,
    payload: Omit<JobPayloads[J], 'outboxId'> & { caseId?: string },
    options: { availableAt?: Date } = {},
  ): Promise<string> {
    const result = await manager.insert(OutboxEntity, {
      queue: JOB_QUEUE[job],
      jobName: job,
      payload: payload as Record<string, string>,
      caseId: payload.caseId ?? null,
      ...(options.availableAt ? { availableAt: options.availableAt } : {}),
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  /**
   * Takes up to `limit` due rows for dispatch. SKIP LOCKED lets several dispatchers run
   * at once without handing out a row twice; the lock lasts until `release` or `markDispatched`.
   */
  async withDueRows(
    limit: number,
    handle: (rows: ClaimedOutboxRow[]) => Promise<string[]>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<ClaimedOutboxRow[]>(
        `SELECT id, queue, job_name AS "jobName", payload
           FROM outbox
          WHERE status = 'pending' AND available_at <= now()
          ORDER BY available_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const dispatched = await handle(rows);
      if (dispatched.length > 0) {
        await manager.query(
          `UPDATE outbox SET status = 'dispatched', dispatched_at = now() WHERE id = ANY($1::uuid[])`,
          [dispatched],
        );
      }
      return dispatched.length;
    });
  }

  /** Marks the start of a processing attempt; returns false when the row is already finished. */
  async beginAttempt(id: string): Promise<boolean> {
    // Wrapped in a CTE so the driver hands back rows, as it does for a SELECT.
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH attempt AS (
         UPDATE outbox SET attempts = attempts + 1
          WHERE id = $1 AND status IN ('pending', 'dispatched')
          RETURNING id)
       SELECT id FROM attempt`,
      [id],
    );
    return rows.length > 0;
  }

  async finish(id: string, status: 'done' | 'failed', outcome: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET status = $2, outcome = $3, processed_at = now() WHERE id = $1`,
      [id, status, outcome],
    );
  }

  findById(id: string): Promise<OutboxEntity | null> {
    return this.dataSource.getRepository(OutboxEntity).findOneBy({ id });
  }

  findForCase(caseId: string): Promise<OutboxEntity[]> {
    return this.dataSource
      .getRepository(OutboxEntity)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }
}
