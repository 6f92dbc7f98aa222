import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContractEntity } from '../directory/contract.entity';

/**
 * Boardings of one month on one contract: the whole contract (`line` '') or one of its
 * lines. The denominator of the partnership's complaint rates (per 100,000 boardings).
 */
@Entity({ name: 'ridership' })
@Check('ridership_boardings_check', `"boardings" >= 0`)
@Check('ridership_month_check', `EXTRACT(DAY FROM "month") = 1`)
@Index('ridership_contract_month_idx', ['contractId', 'month'])
export class RidershipEntity {
  /** The first day of the month, 'YYYY-MM-01'. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_ridership' })
  month: string;

  @PrimaryColumn({ name: 'contract_id', type: 'uuid', primaryKeyConstraintName: 'PK_ridership' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { nullable: false })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'ridership_contract_id_fkey' })
  contract?: ContractEntity;

  /** '' for the whole contract, else the line as the operator counts it. */
  @PrimaryColumn({ type: 'text', default: '', primaryKeyConstraintName: 'PK_ridership' })
  line: string;

  /** A bigint: PostgreSQL hands it back as a string. */
  @Column({ type: 'bigint' })
  boardings: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;
}
