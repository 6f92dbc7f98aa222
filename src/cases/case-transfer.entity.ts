import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TRANSFER_REASONS = [
  'not-our-line',
  'not-our-operator',
  'authority-matter',
  'other-organisation',
  'wrong-category',
  'other',
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

/** A case handed back as "not ours": the misroutes the partnership counts per contract and month. */
@Entity({ name: 'case_transfers' })
@Index('case_transfers_from_contract_at_idx', ['fromContractId', 'at'])
@Index('case_transfers_from_organisation_idx', ['fromOrganisationId', 'caseId'])
export class CaseTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('case_transfers_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'from_organisation_id', type: 'uuid', nullable: true })
  fromOrganisationId: string | null;

  @Column({ name: 'from_contract_id', type: 'uuid', nullable: true })
  fromContractId: string | null;

  @Column({ name: 'to_organisation_id', type: 'uuid' })
  toOrganisationId: string;

  @Column({ name: 'to_contract_id', type: 'uuid', nullable: true })
  toContractId: string | null;

  @Column({ type: 'text' })
  reason: TransferReason;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** 'reroute' when the router decided again, 'named' when the handler named the receiver. */
  @Column({ type: 'text' })
  method: 'reroute' | 'named';

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
