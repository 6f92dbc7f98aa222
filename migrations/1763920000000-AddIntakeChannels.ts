import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIntakeChannels1763920000000 implements MigrationInterface {
  name = 'AddIntakeChannels1763920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "idempotency_key" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cases_idempotency_key_key" ON "cases" ("idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_attachments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "content_type" text NOT NULL,
        "filename" text,
        "size_bytes" integer,
        "data" bytea,
        "url" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_attachments" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_attachments_case_id_idx" ON "case_attachments" ("case_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "direction" text NOT NULL,
        "channel" text NOT NULL,
        "body" text NOT NULL,
        "provider_ref" text,
        "provider_status" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_messages" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_messages_case_id_created_at_idx" ON "case_messages" ("case_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "case_messages_provider_ref_key" ON "case_messages" ("provider_ref") WHERE "provider_ref" IS NOT NULL`,
    );
    // The SMS channel looks up a sender's open cases by number.
    await queryRunner.query(
      `CREATE INDEX "cases_contact_phone_idx" ON "cases" ("contact_phone", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_contact_phone_idx"`);
    await queryRunner.query(`DROP TABLE "case_messages"`);
    await queryRunner.query(`DROP TABLE "case_attachments"`);
    await queryRunner.query(`DROP INDEX "cases_idempotency_key_key"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "idempotency_key"`);
  }
}
