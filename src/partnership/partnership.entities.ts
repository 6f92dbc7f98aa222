import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ContractEntity } from '../directory/contract.entity';
import { OrganisationEntity } from '../directory/organisation.entity';

/** A partnership forum: the whole area's (no contract) or one contract's. */
@Entity({ name: 'forums' })
export class ForumEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_forums' })
  id: string;

  @Index('forums_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @ManyToOne(() => ContractEntity, { nullable: true })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'forums_contract_id_fkey' })
  contract?: ContractEntity | null;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId: string | null;

  /** E-mail addresses of the forum's members. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  members: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One cycle of a forum (e.g. 2026H2): its focus areas, and afterwards what it learnt and decided. */
@Entity({ name: 'cycles' })
@Index('cycles_forum_code_key', ['forumId', 'code'], { unique: true })
@Check('cycles_dates_check', `"ends_on" >= "starts_on"`)
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cycles' })
  id: string;

  @ManyToOne(() => ForumEntity, { nullable: false })
  @JoinColumn({ name: 'forum_id', foreignKeyConstraintName: 'cycles_forum_id_fkey' })
  forum?: ForumEntity;

  @Column({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'focus_areas', type: 'text', array: true, default: () => "'{}'" })
  focusAreas: string[];

  @Column({ type: 'text', nullable: true })
  reflections: string | null;

  @Column({ type: 'text', nullable: true })
  decisions: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An improvement action against root causes in focus areas, owned by one organisation. */
@Entity({ name: 'improvement_actions' })
@Check(
  'improvement_actions_status_check',
  `"status" IN ('planned', 'in-progress', 'done', 'cancelled')`,
)
@Check('improvement_actions_due_check', `"due_on" IS NULL OR "due_on" >= "decided_on"`)
@Index('improvement_actions_owner_idx', ['ownerOrganisationId'])
export class ImprovementActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_improvement_actions' })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'root_causes', type: 'text', array: true, default: () => "'{}'" })
  rootCauses: string[];

  @Column({ name: 'focus_areas', type: 'text', array: true, default: () => "'{}'" })
  focusAreas: string[];

  /** The contracts it concerns; empty means every contract. */
  @Column({ name: 'contract_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contractIds: string[];

  @ManyToOne(() => OrganisationEntity, { nullable: false })
  @JoinColumn({
    name: 'owner_organisation_id',
    foreignKeyConstraintName: 'improvement_actions_owner_fkey',
  })
  owner?: OrganisationEntity;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  /** The day it was decided: its effect is measured from here. */
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'text', default: 'planned' })
  status: ActionStatus;

  /** When it was (last) marked done. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @ManyToOne(() => CycleEntity, { nullable: true })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'improvement_actions_cycle_id_fkey' })
  cycle?: CycleEntity | null;

  @Column({ name: 'cycle_id', type: 'uuid', nullable: true })
  cycleId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One change to the partnership's records (or a ridership import): who, when, what, before and after. */
@Entity({ name: 'partnership_events' })
@Index('partnership_events_entity_idx', ['entity', 'entityId', 'at'])
export class PartnershipEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partnership_events' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Null for the command line. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  what: string;

  @Column({ type: 'text' })
  entity: string;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;
}
