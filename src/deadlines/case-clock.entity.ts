import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import type { ClockKind } from './clock.model';

/**
 * One of a case's clocks: a contract target (business time) or a legal deadline
 * (calendar time). `dueAt` and `warnAt` are null while the case waits for the traveller.
 */
@Entity({ name: 'case_clocks' })
@Index('case_clocks_running_due_idx', ['dueAt'], {
  where: 'met_at IS NULL AND breached_at IS NULL',
})
// The overdue view's check per open case (case_id INCLUDE due_at, breached_at WHERE met_at IS
// NULL): a covering index TypeORM cannot describe; see the migration SpeedUpInboxLists.
@Index('case_clocks_unmet_idx', { synchronize: false })
export class CaseClockEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_clocks' })
  caseId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_case_clocks' })
  kind: ClockKind;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_clocks_case_id_fkey' })
  case?: CaseEntity;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'warn_at', type: 'timestamptz', nullable: true })
  warnAt: Date | null;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt: Date | null;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt: Date | null;
}
