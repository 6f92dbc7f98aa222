import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { JOB_QUEUE, JobName } from '../infra/queue/queue.registry';
import { CaseClockEntity } from './case-clock.entity';
import { CasePauseEntity } from './case-pause.entity';
import { nextClockMoment, planClocks } from './clock-planner';
import type { ClockKind, ClockPlan, TrackedClock } from './clock.model';
import { DeadlineNotices } from './deadline-notices';
import type { CaseFacts, CasePolicy } from './response-policies';
import { ResponsePolicyService } from './response-policy.service';

/** What intake stores with a new case: its clocks and the delayed job that watches them. */
export interface NewCaseDeadlines {
  policy: CasePolicy;
  clocks: ClockPlan[];
  check: { id: string; runAt: Date } | null;
}

const CLOSED_STATUSES = ['resolved', 'closed'];
const RECOMPUTE_BATCH = 500;
const FAILED_CHECK_RETRY_MS = 5 * 60_000;

/**
 * A case's two kinds of clock: the contract's targets in business time and the law's
 * deadlines in calendar time. Planned at intake, recomputed on a transfer, a pause or
 * new office hours, and watched by one delayed job per case that warns and records breaches.
 */
@Injectable()
export class DeadlinesService {
  private readonly logger = new Logger(DeadlinesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policies: ResponsePolicyService,
    private readonly notices: DeadlineNotices,
  ) {}

  /** The rules for a case as routed; refreshes once if the rules lag behind the router. */
  async policyFor(facts: CaseFacts): Promise<CasePolicy | null> {
    let policy = this.policies.current()?.forCase(facts) ?? null;
    if (!policy && facts.responsibleOrganisationId) {
      await this.policies.ensureCurrent();
      policy = this.policies.current()?.forCase(facts) ?? null;
    }
    return policy;
  }

  /** Clocks for a case about to be stored; null when no rules apply (no area loaded). */
  async planNewCase(facts: CaseFacts, receivedAt: Date): Promise<NewCaseDeadlines | null> {
    const policy = await this.policyFor(facts);
    if (!policy) return null;
    let clocks: ClockPlan[];
    try {
      clocks = plan(policy, receivedAt, receivedAt, []);
    } catch (error) {
      // A report is stored whatever the rules say; a calendar that cannot be planned on
      // is the area's mistake, to be fixed and recomputed, not the traveller's.
      this.logger.error({ err: error, party: policy.party.code }, 'clocks could not be planned');
      return null;
    }
    const next = nextClockMoment(clocks.map(untracked));
    return { policy, clocks, check: next ? { id: randomUUID(), runAt: next } : null };
  }

  /**
   * Plans the case's clocks again inside the caller's transaction (after a transfer, a pause,
   * or new office hours) and schedules a fresh check; the previous check becomes stale.
   */
  async recompute(manager: EntityManager, caseId: string): Promise<void> {
    const found = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :caseId', { caseId })
      .getOne();
    if (!found || CLOSED_STATUSES.includes(found.status)) return;
    const policy = await this.policyFor(found);
    const existing = await manager.getRepository(CaseClockEntity).findBy({ caseId });
    if (!policy) return;
    const pauses = await manager.getRepository(CasePauseEntity).findBy({ caseId });
    const [transfer] = await manager.query<{ at: Date | null }[]>(
      'SELECT max(at) AS at FROM case_transfers WHERE case_id = $1',
      [caseId],
    );
    // The receiving party's targets start when the case reaches it, and a reopened case's
    // when it was reopened; the law's clock does not move.
    const businessStart = [transfer?.at, found.reopenedAt].reduce<Date>(
      (latest, at) => (at && at > latest ? at : latest),
      found.createdAt,
    );
    const planned = plan(
      policy,
      found.createdAt,
      businessStart,
      pauses.map((p) => ({ from: p.startedAt, to: p.endedAt ?? undefined })),
    );
    const now = this.clock.now();
    const rows = planned.map((clock) =>
      merge(
        clock,
        existing.find((e) => e.kind === clock.kind),
        now,
      ),
    );
    // The law's deadlines run from the traveller's complaint: a transfer to a party without
    // a contract does not lift them, so clocks the new plan lacks are kept as they are.
    const kept = existing.filter((e) => !planned.some((clock) => clock.kind === e.kind));
    // New rules that do not move this case's clocks leave it and its pending check alone:
    // a change to one party's hours must not reschedule every open case.
    if (found.deadlineCheckId && rows.every((row) => sameAs(row, existing))) return;
    await manager.getRepository(CaseClockEntity).upsert(
      rows.map((row) => ({ ...row, caseId })),
      ['caseId', 'kind'],
    );
    await this.schedule(manager, caseId, [...rows, ...kept]);
  }

  /**
   * The delayed job's work: warn about clocks nearing their deadline, record the ones that
   * passed it, and schedule the next check. A check that is no longer the case's current
   * one (a recompute replaced it) does nothing.
   */
  async runCheck(caseId: string, checkId: string): Promise<string> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [found] = await manager.query<{ status: string; deadline_check_id: string | null }[]>(
        'SELECT status, deadline_check_id FROM cases WHERE id = $1 FOR UPDATE',
        [caseId],
      );
      if (!found) return 'case no longer exists';
      if (found.deadline_check_id !== checkId) return 'superseded by a newer check';
      if (CLOSED_STATUSES.includes(found.status)) return 'case is closed';
      const clocks = await manager.getRepository(CaseClockEntity).findBy({ caseId });
      const now = this.clock.now();
      const happened: string[] = [];
      for (const clock of clocks) {
        if (clock.metAt || clock.breachedAt) continue;
        if (clock.dueAt && clock.dueAt <= now) {
          clock.breachedAt = now;
          await this.notices.record(manager, caseId, 'deadline-breached', clock);
          happened.push(`${clock.kind} breached`);
        } else if (!clock.warnedAt && clock.warnAt && clock.warnAt <= now) {
          clock.warnedAt = now;
          await this.notices.record(manager, caseId, 'deadline-warning', clock);
          happened.push(`${clock.kind} warned`);
        } else continue;
        await manager.getRepository(CaseClockEntity).save(clock);
      }
      await this.schedule(manager, caseId, clocks);
      return happened.length ? happened.join(', ') : 'nothing due yet';
    });
    return outcome;
  }

  /** Marks clocks as met (a first answer, a resolution) and reschedules the check. */
  async meet(manager: EntityManager, caseId: string, kinds: ClockKind[], at: Date): Promise<void> {
    // The case row first, as the check and a recompute lock it: no lock-order deadlock.
    await manager.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    await manager.query(
      `UPDATE case_clocks SET met_at = $3 WHERE case_id = $1 AND kind = ANY($2::text[]) AND met_at IS NULL`,
      [caseId, kinds, at],
    );
    const clocks = await manager.getRepository(CaseClockEntity).findBy({ caseId });
    await this.schedule(manager, caseId, clocks);
  }

  /**
   * A reopened case has to be resolved again: its resolution clock runs anew from the
   * reopening (the caller has stored it as reopened_at). First answers and the law's
   * deadlines that were met stay met.
   */
  async restartResolution(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      `UPDATE case_clocks SET met_at = NULL, warned_at = NULL, breached_at = NULL
        WHERE case_id = $1 AND kind = 'resolution'`,
      [caseId],
    );
    await this.recompute(manager, caseId);
  }

  /** The clocks stop while the case waits for the traveller. */
  async pause(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    const waiting = await manager
      .getRepository(CasePauseEntity)
      .existsBy({ caseId, endedAt: IsNull() });
    if (waiting) return;
    await manager.getRepository(CasePauseEntity).insert({ caseId, startedAt: at, endedAt: null });
    await this.recompute(manager, caseId);
  }

  /** The traveller answered: the clocks run again, the waiting time added back. */
  async resume(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    const ended = await manager.query<{ id: string }[]>(
      `WITH ended AS (UPDATE case_pauses SET ended_at = $2 WHERE case_id = $1 AND ended_at IS NULL RETURNING id)
       SELECT id FROM ended`,
      [caseId, at],
    );
    if (ended.length === 0) return;
    await this.recompute(manager, caseId);
  }

  /** After new office hours or targets: every open case's clocks, a batch at a time. */
  async recomputeOpenCases(): Promise<number> {
    // The job follows the commit of new rules; this process may not have read them yet.
    await this.policies.ensureCurrent();
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const batch = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM cases WHERE status <> ALL($1::text[]) AND id > $2 ORDER BY id LIMIT $3`,
        [CLOSED_STATUSES, after, RECOMPUTE_BATCH],
      );
      for (const { id } of batch) {
        try {
          await this.dataSource.transaction((manager) => this.recompute(manager, id));
        } catch (error) {
          // One case the rules cannot plan must not stop the others.
          this.logger.error({ err: error, caseId: id }, 'deadlines of a case not recomputed');
        }
      }
      count += batch.length;
      if (batch.length < RECOMPUTE_BATCH) break;
      after = batch[batch.length - 1].id;
    }
    this.logger.log({ cases: count }, 'deadlines recomputed');
    return count;
  }

  findClocks(caseId: string): Promise<CaseClockEntity[]> {
    return this.dataSource.getRepository(CaseClockEntity).findBy({ caseId });
  }

  /**
   * A check that failed for good (its retries ran out while the database or the mail
   * server was away) is replaced by a new one a little later: no case is left unwatched.
   */
  async retryCheckLater(caseId: string, failedCheckId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [found] = await manager.query<{ deadline_check_id: string | null }[]>(
        'SELECT deadline_check_id FROM cases WHERE id = $1 FOR UPDATE',
        [caseId],
      );
      if (found?.deadline_check_id !== failedCheckId) return;
      await this.writeCheck(
        manager,
        caseId,
        new Date(this.clock.now().getTime() + FAILED_CHECK_RETRY_MS),
      );
    });
  }

  /** Writes the case's next check (a delayed job) and makes it the current one. */
  private async schedule(
    manager: EntityManager,
    caseId: string,
    clocks: TrackedClock[],
  ): Promise<void> {
    const next = nextClockMoment(clocks);
    if (next) await this.writeCheck(manager, caseId, next);
    else await manager.query('UPDATE cases SET deadline_check_id = NULL WHERE id = $1', [caseId]);
  }

  private async writeCheck(manager: EntityManager, caseId: string, runAt: Date): Promise<void> {
    const checkId = randomUUID();
    await manager.query(
      `INSERT INTO outbox (id, queue, job_name, payload, case_id, run_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        checkId,
        JOB_QUEUE[JobName.DeadlineCheck],
        JobName.DeadlineCheck,
        JSON.stringify({ caseId }),
        caseId,
        runAt,
      ],
    );
    await manager.query('UPDATE cases SET deadline_check_id = $2 WHERE id = $1', [caseId, checkId]);
  }
}

function plan(
  policy: CasePolicy,
  receivedAt: Date,
  businessStart: Date,
  pauses: Array<{ from: Date; to?: Date }>,
): ClockPlan[] {
  return planClocks({
    receivedAt,
    businessStart,
    calendar: policy.calendar,
    targets: policy.targets,
    regime: policy.regime,
    pauses,
    leads: policy.leads,
  });
}

function untracked(clock: ClockPlan): TrackedClock {
  return { ...clock, warnedAt: null, breachedAt: null, metAt: null };
}

/**
 * A replanned clock keeps what already happened only while it still holds: a warning or
 * a breach whose moment moved into the future is undone, so that it fires again on time.
 */
function merge(
  clock: ClockPlan,
  before: CaseClockEntity | undefined,
  now: Date,
): TrackedClock & { kind: ClockKind } {
  if (before?.metAt) return { ...clock, ...pick(before) };
  // A stopped clock (no due while waiting for the traveller) keeps what already happened;
  // else a warning given before a pause would be given again after it.
  const stillWarned = before?.warnedAt && (!clock.warnAt || clock.warnAt <= now);
  const stillBreached = before?.breachedAt && (!clock.dueAt || clock.dueAt <= now);
  return {
    ...clock,
    warnedAt: stillWarned ? before.warnedAt : null,
    breachedAt: stillBreached ? before.breachedAt : null,
    metAt: null,
  };
}

/** Whether a replanned clock is what is stored already. */
function sameAs(row: TrackedClock & { kind: ClockKind }, existing: CaseClockEntity[]): boolean {
  const stored = existing.find((e) => e.kind === row.kind);
  const time = (date: Date | null | undefined) => date?.getTime() ?? null;
  return (
    stored !== undefined &&
    time(stored.startedAt) === time(row.startedAt) &&
    time(stored.dueAt) === time(row.dueAt) &&
    time(stored.warnAt) === time(row.warnAt) &&
    time(stored.warnedAt) === time(row.warnedAt) &&
    time(stored.breachedAt) === time(row.breachedAt)
  );
}

function pick(row: CaseClockEntity): TrackedClock {
  return {
    kind: row.kind,
    startedAt: row.startedAt,
    dueAt: row.dueAt,
    warnAt: row.warnAt,
    warnedAt: row.warnedAt,
    breachedAt: row.breachedAt,
    metAt: row.metAt,
  };
}
