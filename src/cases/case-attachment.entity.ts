import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A photo sent with a report (stored here, at most a few MB each) or an MMS media item
 * (kept as Twilio's URL). The bytes are never selected unless asked for.
 */
@Entity({ name: 'case_attachments' })
export class CaseAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('case_attachments_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'text', nullable: true })
  filename: string | null;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  data: Buffer | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
