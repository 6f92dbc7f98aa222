import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const TAXONOMY_KINDS = ['promise', 'root-cause', 'focus-area'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

/** A customer promise, root cause or focus area of the area file, as cases are tagged. */
@Entity({ name: 'taxonomy_terms' })
@Check('taxonomy_terms_kind_check', `"kind" IN ('promise', 'root-cause', 'focus-area')`)
export class TaxonomyTermEntity {
  @PrimaryColumn({ type: 'text' })
  kind: TaxonomyKind;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'label_sv', type: 'text' })
  labelSv: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn: string;

  @Column({ type: 'int' })
  position: number;
}
