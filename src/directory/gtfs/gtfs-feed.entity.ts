import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One imported GTFS feed. Its rows live in gtfs_* tables keyed by feed_id (bulk SQL, no
 * entities); exactly one feed is active, and an import swaps it in one transaction.
 */
@Entity({ name: 'gtfs_feeds' })
export class GtfsFeedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', nullable: true })
  version: string | null;

  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;
}
