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
import { UserEntity } from '../auth/entities/user.entity';
import { ContractEntity } from '../directory/contract.entity';
import { OrganisationEntity } from '../directory/organisation.entity';
import type { RoutingConfidence, TrafficMode } from '../routing/routing.model';
import type { CaseChannel, CaseKind, CaseStatus, Language, ReplyChannel } from './case.model';

@Entity({ name: 'cases' })
// The SMS channel looks up a sender's recent cases by number.
@Index('cases_contact_phone_idx', ['contactPhone', 'createdAt'])
// The inbox's lists, newest first within the viewer's scope (see the migration AddCaseAssignment).
@Index('cases_responsible_created_idx', ['responsibleOrganisationId', 'createdAt', 'id'])
@Index('cases_open_responsible_created_idx', ['responsibleOrganisationId', 'createdAt', 'id'], {
  where: "status NOT IN ('resolved', 'closed')",
})
@Index('cases_open_created_idx', ['createdAt', 'id'], {
  where: "status NOT IN ('resolved', 'closed')",
})
@Index('cases_assigned_user_created_idx', ['assignedUserId', 'createdAt'], {
  where: 'assigned_user_id IS NOT NULL',
})
// Swedish full-text search: a GIN index on search_vector, which TypeORM cannot describe.
@Index('cases_search_vector_idx', { synchronize: false })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('cases_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  kind: CaseKind;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text' })
  description: string;

  /** The description as Swedish full-text search sees it, kept by PostgreSQL itself. */
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: "to_tsvector('swedish', description)",
    select: false,
    insert: false,
    update: false,
    nullable: true,
  })
  searchVector?: string;

  /**
   * The thread (the traveller's messages, handlers' replies) as Swedish full-text search
   * sees it, appended by PostgreSQL triggers; its GIN index is the migration's alone.
   */
  @Index('cases_thread_vector_idx', { synchronize: false })
  @Column({
    name: 'thread_vector',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    nullable: true,
  })
  threadVector?: string;

  @Column({ name: 'line_text', type: 'text', nullable: true })
  lineText: string | null;

  @Column({ name: 'stop_text', type: 'text', nullable: true })
  stopText: string | null;

  /** The traveller's mode hint, kept so that a re-route after a transfer sees it too. */
  @Column({ type: 'text', nullable: true })
  mode: TrafficMode | null;

  @Column({ name: 'vehicle_number', type: 'text', nullable: true })
  vehicleNumber: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'text' })
  channel: CaseChannel;

  @Column({ type: 'text' })
  language: Language;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'reply_channel', type: 'text' })
  replyChannel: ReplyChannel;

  @Column({ type: 'text', default: 'new' })
  status: CaseStatus;

  @ManyToOne(() => ContractEntity, { nullable: true })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'cases_contract_id_fkey' })
  contract: ContractEntity | null;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true })
  @JoinColumn({
    name: 'responsible_organisation_id',
    foreignKeyConstraintName: 'cases_responsible_organisation_id_fkey',
  })
  responsibleOrganisation: OrganisationEntity | null;

  /** Null only while no area directory has been loaded at all. */
  @Index('cases_responsible_organisation_id_idx')
  @Column({ name: 'responsible_organisation_id', type: 'uuid', nullable: true })
  responsibleOrganisationId: string | null;

  /** In the authority's triage queue: the router could not decide without guessing. */
  @Column({ type: 'boolean', default: false })
  triage: boolean;

  @Column({ name: 'routing_confidence', type: 'text', nullable: true })
  routingConfidence: RoutingConfidence | null;

  /** The router's reasons in plain words, and the candidates when it could not decide. */
  @Column({ name: 'routing_reasons', type: 'jsonb', default: () => "'[]'" })
  routingReasons: string[];

  @Column({ name: 'gtfs_route_id', type: 'text', nullable: true })
  gtfsRouteId: string | null;

  /** The matched line's short name, kept for reports even after the feed changes. */
  @Column({ name: 'line_ref', type: 'text', nullable: true })
  lineRef: string | null;

  /** What a channel gives to recognise a repeated submission: a form token, an SMS MessageSid. */
  @Index('cases_idempotency_key_key', { unique: true, where: '"idempotency_key" IS NOT NULL' })
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_user_id', foreignKeyConstraintName: 'cases_assigned_user_id_fkey' })
  assignedUser?: UserEntity | null;

  /** The person working the case; null while nobody has claimed it. */
  @Column({ name: 'assigned_user_id', type: 'uuid', nullable: true })
  assignedUserId: string | null;

  /** Customer promises the case is held against; the category's defaults at intake. */
  @Index('cases_promises_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  promises: string[];

  /** The partnership's focus areas the case counts towards. */
  @Index('cases_focus_areas_idx', { synchronize: false })
  @Column({ name: 'focus_areas', type: 'text', array: true, default: () => "'{}'" })
  focusAreas: string[];

  /** Why it happened, as the handler found out. */
  @Column({ name: 'root_causes', type: 'text', array: true, default: () => "'{}'" })
  rootCauses: string[];

  /** How the case was resolved: upheld, partly upheld, rejected, answered, forwarded. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** A duplicate: closed, and the case it was merged into carries on. */
  @ManyToOne(() => CaseEntity, { nullable: true })
  @JoinColumn({ name: 'merged_into_case_id', foreignKeyConstraintName: 'FK_cases_merged_into' })
  mergedInto?: CaseEntity | null;

  @Index('cases_merged_into_idx', { synchronize: false })
  @Column({ name: 'merged_into_case_id', type: 'uuid', nullable: true })
  mergedIntoCaseId: string | null;

  /** The last time a resolved case was opened again; its resolution clock runs from here. */
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  /** The outbox row of the case's current deadline check; an older check finds itself stale. */
  @Column({ name: 'deadline_check_id', type: 'uuid', nullable: true })
  deadlineCheckId: string | null;

  @Index('cases_created_at_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** When the traveller's personal data was removed (retention or an erasure request). */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;
}
