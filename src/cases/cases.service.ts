import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { DirectoryRepository } from '../directory/directory.repository';
import { OrganisationEntity } from '../directory/organisation.entity';
import type { AppConfig } from '../infra/config/app-config';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { APP_CONFIG } from '../infra/config/config.module';
import { MetricsService } from '../infra/metrics/metrics.service';
import { CaseEntity } from './case.entity';
import { referenceYearIn } from './case-reference';
import { CaseNotFoundError } from './cases.errors';
import { CaseWithHandler, CasesRepository, NewCase } from './cases.repository';

@Injectable()
export class CasesService {
  private readonly yearOf: (receivedAt: Date) => string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cases: CasesRepository,
    private readonly metrics: MetricsService,
    private readonly directory: DirectoryRepository,
    private readonly deadlines: DeadlinesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.yearOf = referenceYearIn(config.AREA_TIMEZONE);
  }

  /**
   * Stores a new case with its reference, audit events, attachments and follow-up jobs,
   * atomically in one statement (inside the caller's transaction when it has one).
   */
  async open(
    manager: EntityManager,
    fields: NewCase,
    receivedAt: Date,
    also: Omit<Parameters<CasesRepository['insertWithEvents']>[3], 'events'> = {},
  ): Promise<CaseEntity> {
    const created = await this.cases.insertWithEvents(manager, this.yearOf(receivedAt), fields, {
      events: [
        {
          actor: 'traveller',
          type: 'created',
          data: { channel: fields.channel, kind: fields.kind, category: fields.category },
        },
        {
          actor: 'system',
          type: 'routed',
          data: {
            contractId: fields.contractId,
            responsibleOrganisationId: fields.responsibleOrganisationId,
            triage: fields.triage,
            confidence: fields.routingConfidence,
            reasons: fields.routingReasons,
          },
        },
      ],
      ...also,
    });
    this.metrics.casesCreated.inc({ channel: fields.channel });
    return created;
  }

  /** Stores an attachment inside the caller's transaction. */
  attach(
    manager: EntityManager,
    caseId: string,
    attachment: Parameters<CasesRepository['attach']>[2],
  ): Promise<void> {
    return this.cases.attach(manager, caseId, attachment);
  }

  findByIdempotencyKey(key: string): Promise<CaseEntity | null> {
    return this.cases.findByIdempotencyKey(key);
  }

  findRecentByPhone(phone: string, since: Date): Promise<CaseEntity | null> {
    return this.cases.findRecentByPhone(phone, since);
  }

  /**
   * A traveller's follow-up joins the case's thread, once per provider message id.
   * Returns false for a retry that was already recorded.
   */
  async addInboundMessage(
    manager: EntityManager,
    caseId: string,
    message: { channel: 'sms' | 'email' | 'web'; body: string; providerRef?: string },
  ): Promise<boolean> {
    const added = await this.cases.appendMessage(manager, {
      caseId,
      direction: 'inbound',
      ...message,
    });
    if (added) {
      await this.cases.recordEvent(manager, caseId, 'traveller', 'message-received', {
        channel: message.channel,
        providerRef: message.providerRef ?? null,
      });
      // A duplicate stays closed: the case it was merged into is the one that is worked,
      // so that one hears of the message (and reopens or runs again).
      const [merged] = await manager.query<{ into: string | null; reference: string }[]>(
        'SELECT merged_into_case_id AS into, reference FROM cases WHERE id = $1',
        [caseId],
      );
      if (merged?.into) {
        await this.cases.recordEvent(manager, merged.into, 'traveller', 'duplicate-message', {
          from: merged.reference,
          channel: message.channel,
        });
        await this.travellerAnswered(manager, merged.into);
      } else await this.travellerAnswered(manager, caseId);
    }
    return added;
  }

  /** Appends an audit event (who, what, before and after) in the caller's transaction. */
  recordEvent(
    manager: EntityManager,
    caseId: string,
    actor: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.cases.recordEvent(manager, caseId, actor, type, data);
  }

  /** The handler asked the traveller something: the case's clocks stop until they answer. */
  async waitForTraveller(manager: EntityManager, caseId: string, actor: string): Promise<void> {
    const waiting = await manager.query<{ id: string }[]>(
      `WITH changed AS (
         UPDATE cases SET status = 'waiting-for-traveller', updated_at = now()
          WHERE id = $1 AND status IN ('new', 'open') RETURNING id)
       SELECT id FROM changed`,
      [caseId],
    );
    if (!waiting.length) return;
    await this.cases.recordEvent(manager, caseId, actor, 'waiting-for-traveller', {});
    await this.deadlines.pause(manager, caseId, this.clock.now());
  }

  /** A case waiting for the traveller is open again once they answer, its clocks running. */
  /**
   * The traveller wrote: a case waiting for them runs again, and a resolved or closed one
   * reopens, so that their answer is read.
   */
  private async travellerAnswered(manager: EntityManager, caseId: string): Promise<void> {
    const now = this.clock.now();
    // A reopened case loses its outcome and must be resolved again, from now.
    const [changed] = await manager.query<{ before: string; outcome: string | null }[]>(
      `WITH before AS (SELECT status, outcome FROM cases WHERE id = $1 FOR UPDATE),
            changed AS (
              UPDATE cases SET status = 'open', updated_at = now(),
                     outcome = CASE WHEN status = 'waiting-for-traveller' THEN outcome END,
                     reopened_at = CASE WHEN status = 'waiting-for-traveller' THEN reopened_at ELSE $2 END
               WHERE id = $1 AND status IN ('waiting-for-traveller', 'resolved', 'closed')
                 AND merged_into_case_id IS NULL
               RETURNING id)
       SELECT before.status AS before, before.outcome FROM before, changed`,
      [caseId, now],
    );
    if (!changed) return;
    if (changed.before === 'waiting-for-traveller') {
      await this.deadlines.resume(manager, caseId, now);
      return;
    }
    await this.deadlines.restartResolution(manager, caseId);
    await this.cases.recordEvent(manager, caseId, 'traveller', 'reopened', {
      before: { status: changed.before, outcome: changed.outcome },
      after: { status: 'open', outcome: null },
    });
  }

  async getByReference(reference: string): Promise<CaseEntity> {
    const found = await this.cases.findByReference(reference);
    if (!found) throw new CaseNotFoundError(reference);
    return found;
  }

  findById(id: string): Promise<CaseEntity | null> {
    return this.cases.findById(id);
  }

  /** When a person will answer at the latest: the first-response target while it runs. */
  async answerBy(caseId: string): Promise<Date | null> {
    const clocks = await this.deadlines.findClocks(caseId);
    const first = clocks.find((clock) => clock.kind === 'first-response');
    return first && !first.metAt ? first.dueAt : null;
  }

  /** The case, who handles it and when a person will answer; null if it is gone. */
  findWithHandler(id: string): Promise<CaseWithHandler | null> {
    return this.cases.findWithHandler(id);
  }

  /** The organisation that handles the case now, if it has one. */
  responsibleOf(found: CaseEntity): Promise<OrganisationEntity | null> {
    return found.responsibleOrganisationId
      ? this.directory.findOrganisationById(found.responsibleOrganisationId)
      : Promise.resolve(null);
  }
}
