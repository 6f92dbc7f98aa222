import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCasesAndOutbox1763900000000 implements MigrationInterface {
  name = 'CreateCasesAndOutbox1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // References are SP-<year>-<number>; one sequence keeps numbers unique without a hot row.
    await queryRunner.query(`CREATE SEQUENCE "case_reference_seq" START 1`);
    await queryRunner.query(`
      CREATE TABLE "cases" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "reference" text NOT NULL,
        "kind" text NOT NULL,
        "category" text,
        "description" text NOT NULL,
        "line_text" text,
        "stop_text" text,
        "vehicle_number" text,
        "occurred_at" TIMESTAMP WITH TIME ZONE,
        "channel" text NOT NULL,
        "language" text NOT NULL,
        "contact_name" text,
        "contact_email" text,
        "contact_phone" text,
        "reply_channel" text NOT NULL,
        "status" text NOT NULL DEFAULT 'new',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_cases" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "cases_reference_key" ON "cases" ("reference")`);
    await queryRunner.query(`CREATE INDEX "cases_created_at_idx" ON "cases" ("created_at")`);
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "queue" text NOT NULL,
        "job_name" text NOT NULL,
        "payload" jsonb NOT NULL,
        "case_id" uuid,
        "status" text NOT NULL DEFAULT 'pending',
        "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "dispatched_at" TIMESTAMP WITH TIME ZONE,
        "processed_at" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT 0,
        "outcome" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_idx" ON "outbox" ("available_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_case_id_idx" ON "outbox" ("case_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP SEQUENCE "case_reference_seq"`);
  }
}
