import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from './case.entity';
import type { RoutingConfidence } from '../routing/routing.model';
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
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nextReferenceNumber(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ n: string }[]>(
      `SELECT nextval('case_reference_seq')::text AS n`,
    );
    return row.n;
  }

  async insert(manager: EntityManager, reference: string, fields: NewCase): Promise<CaseEntity> {
    const entity = manager.create(CaseEntity, { ...fields, reference, status: 'new' });
    return manager.save(CaseEntity, entity);
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

  /** The sender's most recent case that is still open and arrived after `since`. */
  findRecentOpenByPhone(phone: string, since: Date): Promise<CaseEntity | null> {
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.contact_phone = :phone', { phone })
      .andWhere('c.created_at >= :since', { since })
      .andWhere("c.status NOT IN ('resolved', 'closed')")
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
