import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCaseMode1763930000000 implements MigrationInterface {
  name = 'AddCaseMode1763930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The traveller's mode hint (bus, rail, …): a re-route after a transfer needs it too.
    await queryRunner.query(`ALTER TABLE "cases" ADD "mode" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "mode"`);
  }
}
