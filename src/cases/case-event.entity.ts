import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An audit event: who did what to a case, when, with before and after. Never updated. */
@Entity({ name: 'case_events' })
@Index('case_events_case_id_at_idx', ['caseId', 'at'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** 'system', 'traveller' or a user id. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;
}
