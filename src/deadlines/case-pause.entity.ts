import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';

/** A span while the case waits for the traveller: the only time its clocks stop. */
@Entity({ name: 'case_pauses' })
export class CasePauseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_pauses' })
  id: string;

  @Index('case_pauses_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_pauses_case_id_fkey' })
  case?: CaseEntity;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** Null while the case is still waiting. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
