import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A text from the area file that handlers start a reply from, in one or both languages. */
@Entity({ name: 'saved_replies' })
export class SavedReplyEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'title_sv', type: 'text' })
  titleSv: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'text_sv', type: 'text', nullable: true })
  textSv: string | null;

  @Column({ name: 'text_en', type: 'text', nullable: true })
  textEn: string | null;

  /** Only these organisations' handlers see it; empty for everyone. */
  @Column({ name: 'organisation_codes', type: 'text', array: true, default: () => "'{}'" })
  organisationCodes: string[];

  @Column({ type: 'int' })
  position: number;
}
