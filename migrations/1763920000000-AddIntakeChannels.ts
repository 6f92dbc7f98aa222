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
    // Messages to travellers through a provider (SMS now), with delivery status from callbacks.
    await queryRunner.query(`
      CREATE TABLE "outbound_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid,
        "channel" text NOT NULL,
        "recipient" text NOT NULL,
        "body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'queued',
        "provider_ref" text,
        "provider_status" text,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_outbound_messages" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbound_messages_case_id_idx" ON "outbound_messages" ("case_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outbound_messages_provider_ref_key" ON "outbound_messages" ("provider_ref") WHERE "provider_ref" IS NOT NULL`,
    );
    // Numbers that answered STOP: nothing is sent to them until they answer START.
    await queryRunner.query(`
      CREATE TABLE "sms_opt_outs" (
        "phone" text NOT NULL,
        "opted_out_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sms_opt_outs" PRIMARY KEY ("phone")
      )`);
    // The SMS channel looks up a sender's open cases by number.
    await queryRunner.query(
      `CREATE INDEX "cases_contact_phone_idx" ON "cases" ("contact_phone", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_contact_phone_idx"`);
    await queryRunner.query(`DROP TABLE "sms_opt_outs"`);
    await queryRunner.query(`DROP TABLE "outbound_messages"`);
    await queryRunner.query(`DROP TABLE "case_messages"`);
    await queryRunner.query(`DROP TABLE "case_attachments"`);
    await queryRunner.query(`DROP INDEX "cases_idempotency_key_key"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "idempotency_key"`);
  }
}
