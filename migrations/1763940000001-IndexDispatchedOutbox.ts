import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexDispatchedOutbox1763940000001 implements MigrationInterface {
  name = 'IndexDispatchedOutbox1763940000001';

  // CONCURRENTLY cannot run in a transaction; it keeps intake writing to the outbox while
  // the index is built on a large table.
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The stale-claim sweep reads dispatched rows by when they became due.
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "outbox_dispatched_idx" ON "outbox" ("dispatched_at") WHERE status = 'dispatched'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "outbox_dispatched_idx"`);
  }
}
