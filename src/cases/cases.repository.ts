import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from './case.entity';
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

  findByReference(reference: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ reference });
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOneBy({ id });
  }
}
