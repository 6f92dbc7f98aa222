import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** One message of a case's thread with the traveller, after the first report. */
@Entity({ name: 'case_messages' })
@Index('case_messages_case_id_created_at_idx', ['caseId', 'createdAt'])
export class CaseMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  direction: MessageDirection;

  @Column({ type: 'text' })
  channel: 'sms' | 'email' | 'web';

  @Column({ type: 'text' })
  body: string;

  /** The provider's id (Twilio's MessageSid): a retried webhook finds its message here. */
  @Index('case_messages_provider_ref_key', { unique: true, where: '"provider_ref" IS NOT NULL' })
  @Column({ name: 'provider_ref', type: 'text', nullable: true })
  providerRef: string | null;

  @Column({ name: 'provider_status', type: 'text', nullable: true })
  providerStatus: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
