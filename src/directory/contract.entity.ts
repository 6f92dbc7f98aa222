import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ContractScope, TrafficMode } from '../routing/routing.model';
import { OrganisationEntity } from './organisation.entity';

export type PassengerRightsRegime = 'bus' | 'rail';

/** A traffic contract (trafikavtal) between the authority and an operator. */
@Entity({ name: 'contracts' })
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('contracts_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @ManyToOne(() => OrganisationEntity, { nullable: false })
  @JoinColumn({ name: 'operator_id', foreignKeyConstraintName: 'contracts_operator_id_fkey' })
  operator: OrganisationEntity;

  @Column({ name: 'operator_id', type: 'uuid' })
  operatorId: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text' })
  mode: TrafficMode;

  /** Which passenger-rights law sets the answer deadlines: EU 181/2011 (bus) or 2021/782 (rail). */
  @Column({ type: 'text' })
  regime: PassengerRightsRegime;

  @Column({ type: 'jsonb' })
  scope: ContractScope;

  /** Category code → organisation code, with a default, as the area file gives them. */
  @Column({ type: 'jsonb' })
  responsibility: { default: string; rules: Record<string, string> };

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
