import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ContractEntity } from '../directory/contract.entity';
import { ForumEntity } from '../partnership/partnership.entities';

/** A monthly export as the scheduled job made it, kept for download. */
@Entity({ name: 'report_exports' })
@Index('report_exports_month_scope_format_key', ['month', 'scope', 'format'], { unique: true })
export class ReportExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** YYYY-MM. */
  @Column({ type: 'text' })
  month: string;

  /** 'area', or the contract's code. */
  @Column({ type: 'text' })
  scope: string;

  @ManyToOne(() => ContractEntity, { nullable: true })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'report_exports_contract_id_fkey' })
  contract?: ContractEntity | null;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId: string | null;

  @Column({ type: 'text' })
  format: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One forum member sent one month's export: the job's memory of what it already sent. */
@Entity({ name: 'report_deliveries' })
export class ReportDeliveryEntity {
  @PrimaryColumn({ type: 'text' })
  month: string;

  @PrimaryColumn({ name: 'forum_id', type: 'uuid' })
  forumId: string;

  @ManyToOne(() => ForumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forum_id', foreignKeyConstraintName: 'report_deliveries_forum_id_fkey' })
  forum?: ForumEntity;

  @PrimaryColumn({ type: 'text' })
  recipient: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
