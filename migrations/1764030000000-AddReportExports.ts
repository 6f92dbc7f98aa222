import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportExports1764030000000 implements MigrationInterface {
  name = 'AddReportExports1764030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The monthly exports as made on the first working day, kept for download: one file
    // per month, scope (the area or a contract's code) and format.
    await queryRunner.query(`
      CREATE TABLE "report_exports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "month" text NOT NULL,
        "scope" text NOT NULL,
        "contract_id" uuid,
        "format" text NOT NULL,
        "file_name" text NOT NULL,
        "content_type" text NOT NULL,
        "content" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_report_exports" PRIMARY KEY ("id"),
        CONSTRAINT "report_exports_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "report_exports_month_scope_format_key" ON "report_exports" ("month", "scope", "format")`,
    );
    // Who was sent which month's export: the job may run again and must send nothing twice.
    await queryRunner.query(`
      CREATE TABLE "report_deliveries" (
        "month" text NOT NULL,
        "forum_id" uuid NOT NULL,
        "recipient" text NOT NULL,
        "message_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_report_deliveries" PRIMARY KEY ("month", "forum_id", "recipient"),
        CONSTRAINT "report_deliveries_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE CASCADE)`);
    // Files sent with an e-mail, read by the sender when the message goes out.
    await queryRunner.query(`
      CREATE TABLE "outbound_attachments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "message_id" uuid NOT NULL,
        "file_name" text NOT NULL,
        "content_type" text NOT NULL,
        "content" bytea NOT NULL,
        CONSTRAINT "PK_outbound_attachments" PRIMARY KEY ("id"),
        CONSTRAINT "outbound_attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outbound_messages"("id") ON DELETE CASCADE)`);
    await queryRunner.query(
      `CREATE INDEX "outbound_attachments_message_id_idx" ON "outbound_attachments" ("message_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbound_attachments"`);
    await queryRunner.query(`DROP TABLE "report_deliveries"`);
    await queryRunner.query(`DROP TABLE "report_exports"`);
  }
}
