import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import type { ResponseSettings } from './area-file/response-settings';

/** The one row of area-wide settings from the area file. */
@Entity({ name: 'area_settings' })
export class AreaSettingsEntity {
  @PrimaryColumn({ type: 'int', default: 1 })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @ManyToOne(() => OrganisationEntity, { nullable: false })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'area_settings_authority_id_fkey' })
  authority: OrganisationEntity;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @Column({ name: 'line_aliases', type: 'jsonb' })
  lineAliases: Record<string, string[]>;

  @Column({ name: 'without_contract', type: 'jsonb' })
  withoutContract: Record<string, string>;

  /** Office hours, targets, on-call contacts and templates; `{}` until an area file sets them. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  responses: ResponseSettings | Record<string, never>;

  /** Days a resolved or closed case keeps the traveller's personal data. */
  @Column({ name: 'retention_days', type: 'int', default: 365 })
  retentionDays: number;

  /** A hash of the applied file's content: loading the same file again changes nothing. */
  @Column({ name: 'source_hash', type: 'text' })
  sourceHash: string;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
