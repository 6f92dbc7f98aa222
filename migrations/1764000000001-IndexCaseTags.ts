import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexCaseTags1764000000001 implements MigrationInterface {
  name = 'IndexCaseTags1764000000001';

  // CONCURRENTLY cannot run in a transaction; intake keeps writing while the indexes build.
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The inbox filters by focus area and promise; the reports group by them.
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "cases_focus_areas_idx" ON "cases" USING gin ("focus_areas")`,
    );
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "cases_promises_idx" ON "cases" USING gin ("promises")`,
    );
    // The duplicates merged into a case, shown on it.
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "cases_merged_into_idx" ON "cases" ("merged_into_case_id") WHERE merged_into_case_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "cases_merged_into_idx"`);
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "cases_promises_idx"`);
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "cases_focus_areas_idx"`);
  }
}
