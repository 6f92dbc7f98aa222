import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from './case.entity';
import type { RoutingConfidence } from '../routing/routing.model';
import { CaseEventEntity } from './case-event.entity';
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
