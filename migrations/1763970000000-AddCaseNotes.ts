import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCaseNotes1763970000000 implements MigrationInterface {
  name = 'AddCaseNotes1763970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Internal notes apart from the traveller's thread: each belongs to one organisation.
    await queryRunner.query(`
      CREATE TABLE "case_notes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "author_user_id" uuid NOT NULL,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_notes" PRIMARY KEY ("id"))`);
    await queryRunner.query(`
      CREATE INDEX "case_notes_case_organisation_idx"
        ON "case_notes" ("case_id", "organisation_id", "created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_notes"`);
  }
}
