import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CaseChannel, CaseKind, CaseStatus, Language, ReplyChannel } from './case.model';

@Entity({ name: 'cases' })
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

  @Column({ name: 'line_text', type: 'text', nullable: true })
  lineText: string | null;

  @Column({ name: 'stop_text', type: 'text', nullable: true })
  stopText: string | null;

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

  @Index('cases_created_at_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
