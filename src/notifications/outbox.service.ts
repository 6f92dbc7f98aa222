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
  /** A delayed job's due time; null runs it at once. */
  runAt: Date | null;
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
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO outbox (queue, job_name, payload, case_id, available_at)
       VALUES ($1, $2, $3, $4, coalesce($5, now())) RETURNING id`,
      [
        JOB_QUEUE[job],
        job,
        JSON.stringify(payload),
        payload.caseId ?? null,
        options.availableAt ?? null,
      ],
    );
    return row.id;
  }

  /**
   * Claims up to `limit` due rows for dispatch in one statement. SKIP LOCKED lets several
   * dispatchers run at once without handing out a row twice. A claimed row whose job
   * never reaches Redis is put back by `release` or, if this process died, `staleClaims`.
   */
  claimDue(limit: number): Promise<ClaimedOutboxRow[]> {
    return this.dataSource.query<ClaimedOutboxRow[]>(
      // A delayed job counts as dispatched from when it falls due, so that the stale sweep
      // looks for it in Redis only once it should have run.
      `WITH claimed AS (
         UPDATE outbox SET status = 'dispatched', dispatched_at = greatest(now(), coalesce(run_at, now()))
          WHERE id IN (SELECT id FROM outbox
                        WHERE status = 'pending' AND available_at <= now()
                        ORDER BY available_at LIMIT $1
                        FOR UPDATE SKIP LOCKED)
          RETURNING id, queue, job_name, payload, run_at)
       SELECT id, queue, job_name AS "jobName", payload, run_at AS "runAt" FROM claimed`,
      [limit],
    );
  }

  /** Puts claimed rows back to pending: their jobs did not reach the queue. */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox SET status = 'pending', dispatched_at = NULL WHERE id = ANY($1::uuid[]) AND status = 'dispatched'`,
      [ids],
    );
  }

  /** Rows claimed long ago and not finished: their jobs may have been lost with Redis' memory. */
  staleClaims(olderThanSeconds: number, limit: number): Promise<ClaimedOutboxRow[]> {
    return this.dataSource.query<ClaimedOutboxRow[]>(
      `SELECT id, queue, job_name AS "jobName", payload, run_at AS "runAt" FROM outbox
        WHERE status = 'dispatched' AND dispatched_at < now() - make_interval(secs => $1)
        ORDER BY dispatched_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
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
