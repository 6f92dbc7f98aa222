import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a case is about; with a contract's rules it decides who is responsible. */
@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'label_sv', type: 'text' })
  labelSv: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn: string;

  /** Urgent categories also alert the responsible party's on-call contact. */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ type: 'int' })
  position: number;

  /** Customer promises a new case of this category is tagged with. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  promises: string[];

  /** Focus areas a new case of this category is tagged with. */
  @Column({ name: 'focus_areas', type: 'text', array: true, default: () => "'{}'" })
  focusAreas: string[];
}
