import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPrivacy1763990000000 implements MigrationInterface {
  name = 'AddPrivacy1763990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // How long a closed case keeps the traveller's personal data, from the area file.
    await queryRunner.query(
      `ALTER TABLE "area_settings" ADD "retention_days" integer NOT NULL DEFAULT 365`,
    );
    // Set once a case's personal data is gone, so the nightly job passes it by.
    await queryRunner.query(`ALTER TABLE "cases" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "area_settings" DROP COLUMN "retention_days"`);
  }
}
