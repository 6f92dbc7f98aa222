import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OUTBOUND_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

/** A message to a traveller through a provider, with the provider's delivery status. */
@Entity({ name: 'outbound_messages' })
export class OutboundMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('outbound_messages_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text' })
  channel: 'sms' | 'email';

  /** acknowledgement, urgent-alert, deadline-warning, … or `message` for a handler's text. */
  @Column({ type: 'text', default: 'message' })
  kind: string;

  /** E-mail only. */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** E-mail only: the Message-ID this one answers, so that mail clients thread the case. */
  @Column({ name: 'in_reply_to', type: 'text', nullable: true })
  inReplyTo: string | null;

  /** SMS only: how many parts the text costs (long texts are capped at three). */
  @Column({ type: 'int', nullable: true })
  segments: number | null;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'queued' })
  status: OutboundStatus;

  /** Twilio's message SID once sent; delivery callbacks find the message by it. */
  @Index('outbound_messages_provider_ref_key', {
    unique: true,
    where: '"provider_ref" IS NOT NULL',
  })
  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef: string | null;

  /** queued, sent, delivered, undelivered, failed: as the provider reports it. */
  @Column({ name: 'provider_status', type: 'text', nullable: true })
  providerStatus: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
