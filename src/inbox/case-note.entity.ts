import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A handler's internal note on a case: never sent to the traveller and private to the
 * author's organisation (the authority does not read an operator's notes, nor the reverse)
 * unless the author shares it with the partner.
 */
@Entity({ name: 'case_notes' })
@Index('case_notes_case_organisation_idx', ['caseId', 'organisationId', 'createdAt'])
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ type: 'text' })
  body: string;

  /** Shared with the partner organisation working the same case; private when false. */
  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
