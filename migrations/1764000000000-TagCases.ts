import { MigrationInterface, QueryRunner } from 'typeorm';

export class TagCases1764000000000 implements MigrationInterface {
  name = 'TagCases1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The partnership's words, loaded from the area file: promises, root causes, focus areas.
    await queryRunner.query(`
      CREATE TABLE "taxonomy_terms" (
        "kind" text NOT NULL,
        "code" text NOT NULL,
        "label_sv" text NOT NULL,
        "label_en" text NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "PK_taxonomy_terms" PRIMARY KEY ("kind", "code"),
        CONSTRAINT "taxonomy_terms_kind_check" CHECK ("kind" IN ('promise', 'root-cause', 'focus-area')))`);
    await queryRunner.query(`
      ALTER TABLE "categories"
        ADD "promises" text[] NOT NULL DEFAULT '{}',
        ADD "focus_areas" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE TABLE "saved_replies" (
        "code" text NOT NULL,
        "title_sv" text NOT NULL,
        "title_en" text NOT NULL,
        "text_sv" text,
        "text_en" text,
        "organisation_codes" text[] NOT NULL DEFAULT '{}',
        "position" integer NOT NULL,
        CONSTRAINT "PK_saved_replies" PRIMARY KEY ("code"))`);
    // Constant defaults: PostgreSQL adds these without rewriting the table.
    await queryRunner.query(`
      ALTER TABLE "cases"
        ADD "promises" text[] NOT NULL DEFAULT '{}',
        ADD "focus_areas" text[] NOT NULL DEFAULT '{}',
        ADD "root_causes" text[] NOT NULL DEFAULT '{}',
        ADD "outcome" text,
        ADD "merged_into_case_id" uuid,
        ADD "reopened_at" TIMESTAMP WITH TIME ZONE,
        ADD CONSTRAINT "FK_cases_merged_into" FOREIGN KEY ("merged_into_case_id") REFERENCES "cases"("id") NOT VALID`);
    await queryRunner.query(`ALTER TABLE "case_notes" ADD "shared" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_notes" DROP COLUMN "shared"`);
    await queryRunner.query(`
      ALTER TABLE "cases"
        DROP CONSTRAINT "FK_cases_merged_into",
        DROP COLUMN "reopened_at",
        DROP COLUMN "merged_into_case_id",
        DROP COLUMN "outcome",
        DROP COLUMN "root_causes",
        DROP COLUMN "focus_areas",
        DROP COLUMN "promises"`);
    await queryRunner.query(`DROP TABLE "saved_replies"`);
    await queryRunner.query(
      `ALTER TABLE "categories" DROP COLUMN "focus_areas", DROP COLUMN "promises"`,
    );
    await queryRunner.query(`DROP TABLE "taxonomy_terms"`);
  }
}
