import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from './case.entity';
import { JOB_QUEUE, JobName } from '../infra/queue/queue.registry';
import type { RoutingConfidence, TrafficMode } from '../routing/routing.model';
import { CaseAttachmentEntity } from './case-attachment.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseChannel, CaseKind, Language, ReplyChannel } from './case.model';

export interface NewCase {
  kind: CaseKind;
  category: string | null;
  description: string;
  lineText: string | null;
  stopText: string | null;
  vehicleNumber: string | null;
  mode: TrafficMode | null;
  occurredAt: Date | null;
  channel: CaseChannel;
  language: Language;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  replyChannel: ReplyChannel;
  contractId: string | null;
  responsibleOrganisationId: string | null;
  triage: boolean;
  routingConfidence: RoutingConfidence | null;
  routingReasons: string[];
  gtfsRouteId: string | null;
  lineRef: string | null;
  idempotencyKey: string | null;
  /** The outbox id of the case's first deadline check, when it has clocks. */
  deadlineCheckId: string | null;
  /** When the service received the report: the start of every clock. */
  createdAt: Date;
}

export interface CaseWithHandler {
  case: CaseEntity;
  handler: { code: string; name: string } | null;
  /** The first-response target while it runs. */
  answerBy: Date | null;
}

/** A clock as planned at intake (see the deadlines module). */
export interface NewCaseClock {
  kind: string;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
}

/** A job that BullMQ is to run later; `id` is its outbox row's id. */
export interface DelayedJob {
  id: string;
  job: JobName;
  runAt: Date;
}

const INSERT_COLUMNS: Array<[string, keyof NewCase]> = [
  ['kind', 'kind'],
  ['category', 'category'],
  ['description', 'description'],
  ['line_text', 'lineText'],
  ['stop_text', 'stopText'],
  ['vehicle_number', 'vehicleNumber'],
  ['mode', 'mode'],
  ['occurred_at', 'occurredAt'],
  ['channel', 'channel'],
  ['language', 'language'],
  ['contact_name', 'contactName'],
  ['contact_email', 'contactEmail'],
  ['contact_phone', 'contactPhone'],
  ['reply_channel', 'replyChannel'],
  ['contract_id', 'contractId'],
  ['responsible_organisation_id', 'responsibleOrganisationId'],
  ['triage', 'triage'],
  ['routing_confidence', 'routingConfidence'],
  ['routing_reasons', 'routingReasons'],
  ['gtfs_route_id', 'gtfsRouteId'],
  ['line_ref', 'lineRef'],
  ['idempotency_key', 'idempotencyKey'],
  ['deadline_check_id', 'deadlineCheckId'],
  ['created_at', 'createdAt'],
];

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the case, its reference (the year given, a number from the sequence), its first
   * audit events, its attachments and its outbox jobs in ONE statement: atomic without a
   * transaction's extra round trips, because intake is the hot path.
   */
  async insertWithEvents(
    manager: EntityManager,
    year: string,
    fields: NewCase,
    also: {
      events: Array<{ actor: string; type: string; data: Record<string, unknown> }>;
      attachments?: Array<{ contentType: string; filename?: string; data?: Buffer; url?: string }>;
      /** Jobs to queue for the case once committed; their payload is `{ caseId }`. */
      jobs?: JobName[];
      clocks?: NewCaseClock[];
      delayedJobs?: DelayedJob[];
    },
  ): Promise<CaseEntity> {
    const values: unknown[] = [year];
    const param = (value: unknown, cast = '') => {
      values.push(value);
      return `$${values.length}${cast}`;
    };
    const columns = INSERT_COLUMNS.map(([column, property]) => ({
      column,
      parameter: param(
        property === 'routingReasons' ? JSON.stringify(fields[property]) : fields[property],
      ),
    }));
    // The category's customer promises and focus areas, as the area file names them.
    const category = param(fields.category, '::text');
    for (const column of ['promises', 'focus_areas'])
      columns.push({
        column,
        parameter: `COALESCE((SELECT ${column} FROM categories WHERE code = ${category}), '{}')`,
      });
    const followUps = [
      `events AS (INSERT INTO case_events (case_id, actor, type, data) ${also.events
        .map(
          (e) =>
            `SELECT id, ${param(e.actor, '::text')}, ${param(e.type, '::text')}, ${param(JSON.stringify(e.data), '::jsonb')} FROM inserted`,
        )
        .join(' UNION ALL ')})`,
      ...(also.attachments ?? []).map(
        (a, i) =>
          `attachment_${i} AS (INSERT INTO case_attachments (case_id, content_type, filename, size_bytes, data, url)
             SELECT id, ${param(a.contentType, '::text')}, ${param(a.filename ?? null, '::text')}, ${param(a.data?.length ?? null, '::int')},
                    ${param(a.data ?? null, '::bytea')}, ${param(a.url ?? null, '::text')} FROM inserted)`,
      ),
      ...(also.jobs ?? []).map(
        (job, i) =>
          `job_${i} AS (INSERT INTO outbox (queue, job_name, payload, case_id)
             SELECT ${param(JOB_QUEUE[job], '::text')}, ${param(job, '::text')}, jsonb_build_object('caseId', id::text), id FROM inserted)`,
      ),
      ...(also.delayedJobs ?? []).map(
        (delayed, i) =>
          `delayed_${i} AS (INSERT INTO outbox (id, queue, job_name, payload, case_id, run_at)
             SELECT ${param(delayed.id, '::uuid')}, ${param(JOB_QUEUE[delayed.job], '::text')}, ${param(delayed.job, '::text')},
                    jsonb_build_object('caseId', id::text), id, ${param(delayed.runAt, '::timestamptz')} FROM inserted)`,
      ),
      ...(also.clocks?.length
        ? [
            `clocks AS (INSERT INTO case_clocks (case_id, kind, started_at, due_at, warn_at)
               SELECT inserted.id, c.kind, c."startedAt", c."dueAt", c."warnAt"
                 FROM inserted, jsonb_to_recordset(${param(JSON.stringify(also.clocks), '::jsonb')})
                   AS c(kind text, "startedAt" timestamptz, "dueAt" timestamptz, "warnAt" timestamptz))`,
          ]
        : []),
    ];
    const [row] = await manager.query<Record<string, unknown>[]>(
      `WITH inserted AS (
         INSERT INTO cases (reference, ${columns.map((c) => c.column).join(', ')})
         VALUES ('SP-' || $1 || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
                 ${columns.map((c) => c.parameter).join(', ')})
         RETURNING ${this.returning()}
       ), ${followUps.join(', ')}
       SELECT * FROM inserted`,
      values,
    );
    return Object.assign(new CaseEntity(), row);
  }

  private returningList?: string;

  /** Every column as its entity property, so a raw row becomes a CaseEntity as it is. */
  private returning(): string {
    this.returningList ??= this.dataSource
      .getMetadata(CaseEntity)
      .columns.map((column) => `"${column.databaseName}" AS "${column.propertyName}"`)
      .join(', ');
    return this.returningList;
  }

  /** Appends an audit event; events are never updated or deleted. */
  async recordEvent(
    manager: EntityManager,
    caseId: string,
    actor: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO case_events (case_id, actor, type, data) VALUES ($1, $2, $3, $4)',
      [caseId, actor, type, JSON.stringify(data)],
    );
  }

  findEvents(caseId: string): Promise<CaseEventEntity[]> {
    return this.dataSource
      .getRepository(CaseEventEntity)
      .find({ where: { caseId }, order: { at: 'ASC' } });
  }

  async attach(
    manager: EntityManager,
    caseId: string,
    attachment: { contentType: string; filename?: string; data?: Buffer; url?: string },
  ): Promise<void> {
    await manager.insert(CaseAttachmentEntity, {
      caseId,
      contentType: attachment.contentType,
      filename: attachment.filename ?? null,
      sizeBytes: attachment.data?.length ?? null,
      data: attachment.data ?? null,
      url: attachment.url ?? null,
    });
  }

  findByIdempotencyKey(key: string): Promise<CaseEntity | null> {
    return this.dataSource
      .getRepository(CaseEntity)
      .findOne({ where: { idempotencyKey: key }, relations: { responsibleOrganisation: true } });
  }

  /**
   * The sender's most recent case that arrived after `since`, whatever its status: an
   * answer to a resolved case belongs to it (and reopens it), not to a new one.
   */
  findRecentByPhone(phone: string, since: Date): Promise<CaseEntity | null> {
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.contact_phone = :phone', { phone })
      .andWhere('c.created_at >= :since', { since })
      .orderBy('c.created_at', 'DESC')
      .getOne();
  }

  /** Adds a message to the thread; false when its provider id was already there (a retry). */
  async appendMessage(
    manager: EntityManager,
    message: {
      caseId: string;
      direction: 'inbound' | 'outbound';
      channel: 'sms' | 'email' | 'web';
      body: string;
      providerRef?: string;
    },
  ): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `WITH added AS (
         INSERT INTO case_messages (case_id, direction, channel, body, provider_ref) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (provider_ref) WHERE provider_ref IS NOT NULL DO NOTHING RETURNING id)
       SELECT id FROM added`,
      [
        message.caseId,
        message.direction,
        message.channel,
        message.body,
        message.providerRef ?? null,
      ],
    );
    return rows.length > 0;
  }

  findAttachments(caseId: string): Promise<CaseAttachmentEntity[]> {
    return this.dataSource
      .getRepository(CaseAttachmentEntity)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  findMessages(caseId: string): Promise<CaseMessageEntity[]> {
    return this.dataSource
      .getRepository(CaseMessageEntity)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The case with who handles it and when a person will answer, in one round trip: what
   * an acknowledgement needs, on the worker's hot path.
   */
  async findWithHandler(id: string): Promise<CaseWithHandler | null> {
    const [row] = await this.dataSource.query<
      (Record<string, unknown> & {
        handlerCode: string | null;
        handlerName: string | null;
        answerBy: Date | null;
      })[]
    >(
      `SELECT ${this.returning()},
              (SELECT o.code FROM organisations o WHERE o.id = cases.responsible_organisation_id) AS "handlerCode",
              (SELECT o.name FROM organisations o WHERE o.id = cases.responsible_organisation_id) AS "handlerName",
              (SELECT k.due_at FROM case_clocks k
                WHERE k.case_id = cases.id AND k.kind = 'first-response' AND k.met_at IS NULL) AS "answerBy"
         FROM cases WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const { handlerCode, handlerName, answerBy, ...columns } = row;
    return {
      case: Object.assign(new CaseEntity(), columns),
      handler: handlerCode && handlerName ? { code: handlerCode, name: handlerName } : null,
      answerBy,
    };
  }

  findByReference(reference: string): Promise<CaseEntity | null> {
    return this.dataSource
      .getRepository(CaseEntity)
      .findOne({ where: { reference }, relations: { responsibleOrganisation: true } });
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOneBy({ id });
  }
}
