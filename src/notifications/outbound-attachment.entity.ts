import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OutboundMessageEntity } from './outbound-message.entity';

/** A file sent with an e-mail (a monthly export to a forum), read when the message goes out. */
@Entity({ name: 'outbound_attachments' })
export class OutboundAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => OutboundMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'message_id',
    foreignKeyConstraintName: 'outbound_attachments_message_id_fkey',
  })
  message?: OutboundMessageEntity;

  @Index('outbound_attachments_message_id_idx')
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bytea' })
  content: Buffer;
}
