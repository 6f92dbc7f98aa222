import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCaseAssignment1763960000000 implements MigrationInterface {
  name = 'AddCaseAssignment1763960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The person working a case; null while nobody has claimed it.
    await queryRunner.query(`ALTER TABLE "cases" ADD "assigned_user_id" uuid`);
    await queryRunner.query(`
      ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_user_id_fkey"
        FOREIGN KEY ("assigned_user_id") REFERENCES "users"("id")
        ON DELETE SET NULL ON UPDATE NO ACTION`);
    // The inbox lists newest first by (created_at, id), always scoped: by the responsible
    // organisation for an operator, by status for everyone. Open cases are the few that
    // are worked daily, so the open lists get partial indexes of their own.
    await queryRunner.query(`
      CREATE INDEX "cases_responsible_created_idx"
        ON "cases" ("responsible_organisation_id", "created_at", "id")`);
    await queryRunner.query(`
      CREATE INDEX "cases_open_responsible_created_idx"
        ON "cases" ("responsible_organisation_id", "created_at", "id")
        WHERE status NOT IN ('resolved', 'closed')`);
    await queryRunner.query(`
      CREATE INDEX "cases_open_created_idx" ON "cases" ("created_at", "id")
        WHERE status NOT IN ('resolved', 'closed')`);
    await queryRunner.query(`
      CREATE INDEX "cases_assigned_user_created_idx" ON "cases" ("assigned_user_id", "created_at")
        WHERE assigned_user_id IS NOT NULL`);
    // "Cases we handed away" for an operator's transferred list and its access check.
    await queryRunner.query(`
      CREATE INDEX "case_transfers_from_organisation_idx"
        ON "case_transfers" ("from_organisation_id", "case_id")`);
    // Swedish full-text search over the traveller's description (stemmed: "förseningar"
    // finds "försening"); an expression index, so no column has to be kept in step.
    await queryRunner.query(`
      CREATE INDEX "cases_description_fts_idx"
        ON "cases" USING gin (to_tsvector('swedish', "description"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_description_fts_idx"`);
    await queryRunner.query(`DROP INDEX "case_transfers_from_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "cases_assigned_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "cases_open_created_idx"`);
    await queryRunner.query(`DROP INDEX "cases_open_responsible_created_idx"`);
    await queryRunner.query(`DROP INDEX "cases_responsible_created_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "cases_assigned_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "assigned_user_id"`);
  }
}
