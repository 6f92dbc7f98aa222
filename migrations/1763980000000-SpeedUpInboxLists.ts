import { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH_EXPRESSION = "to_tsvector('swedish', description)";

export class SpeedUpInboxLists1763980000000 implements MigrationInterface {
  name = 'SpeedUpInboxLists1763980000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Swedish full-text search over a stored tsvector instead of an expression index: a
    // phrase search ("missade tåget") has to recheck every candidate row's positions, and
    // with only the expression index that meant parsing each description again (bench/inbox).
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "search_vector" tsvector GENERATED ALWAYS AS (${SEARCH_EXPRESSION}) STORED`,
    );
    // TypeORM reads a generated column's expression from its metadata table (keyed by the
    // database's name) to compare it with the entity's; the same row its own migrations write.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "typeorm_metadata" (
        "type" character varying NOT NULL,
        "database" character varying,
        "schema" character varying,
        "table" character varying,
        "name" character varying,
        "value" text
      )`);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'cases', 'GENERATED_COLUMN', 'search_vector', $1)`,
      [SEARCH_EXPRESSION],
    );
    await queryRunner.query(
      `CREATE INDEX "cases_search_vector_idx" ON "cases" USING gin ("search_vector")`,
    );
    await queryRunner.query(`DROP INDEX "cases_description_fts_idx"`);
    // A new column has no statistics until the next auto-analyze, and without them the
    // planner takes a common word ("bussen", in two cases of three) for a rare one and reads
    // its whole posting list instead of walking the newest cases.
    await queryRunner.query(`ANALYZE "cases" ("search_vector")`);
    // The overdue view asks, for each open case newest first, whether a clock still runs
    // past its due time: answered from this small index of unmet clocks alone.
    await queryRunner.query(`
      CREATE INDEX "case_clocks_unmet_idx" ON "case_clocks" ("case_id")
        INCLUDE ("due_at", "breached_at") WHERE met_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_clocks_unmet_idx"`);
    await queryRunner.query(`
      CREATE INDEX "cases_description_fts_idx"
        ON "cases" USING gin (to_tsvector('swedish', "description"))`);
    await queryRunner.query(`DROP INDEX "cases_search_vector_idx"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata"
        WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'cases' AND "name" = 'search_vector'`,
    );
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "search_vector"`);
  }
}
