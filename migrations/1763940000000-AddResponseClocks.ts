import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddResponseClocks1763940000000 implements MigrationInterface {
  name = 'AddResponseClocks1763940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Office hours, targets, on-call contacts and templates from the area file, resolved.
    await queryRunner.query(
      `ALTER TABLE "area_settings" ADD "responses" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
    // A delayed job's due time; the dispatcher hands it to BullMQ with that delay.
    await queryRunner.query(`ALTER TABLE "outbox" ADD "run_at" TIMESTAMP WITH TIME ZONE`);
    // Every message to a traveller or a party, e-mail as well as SMS, with its threading.
    await queryRunner.query(`
      ALTER TABLE "outbound_messages"
        ADD "kind" text NOT NULL DEFAULT 'message',
        ADD "subject" text,
        ADD "html" text,
        ADD "in_reply_to" text,
        ADD "segments" integer`);
    // The outbox row of the case's one current deadline check; older checks see they are stale.
    await queryRunner.query(`ALTER TABLE "cases" ADD "deadline_check_id" uuid`);
    await queryRunner.query(`
      CREATE TABLE "case_clocks" (
        "case_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "warn_at" TIMESTAMP WITH TIME ZONE,
        "warned_at" TIMESTAMP WITH TIME ZONE,
        "breached_at" TIMESTAMP WITH TIME ZONE,
        "met_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_case_clocks" PRIMARY KEY ("case_id", "kind"),
        CONSTRAINT "case_clocks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE
      )`);
    // The inbox sorts open work by what falls due first.
    await queryRunner.query(
      `CREATE INDEX "case_clocks_running_due_idx" ON "case_clocks" ("due_at") WHERE met_at IS NULL AND breached_at IS NULL`,
    );
    // Spans while the case waits for the traveller: the only time the clocks stop.
    await queryRunner.query(`
      CREATE TABLE "case_pauses" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_case_pauses" PRIMARY KEY ("id"),
        CONSTRAINT "case_pauses_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "case_pauses_case_id_idx" ON "case_pauses" ("case_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_pauses"`);
    await queryRunner.query(`DROP TABLE "case_clocks"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "deadline_check_id"`);
    await queryRunner.query(`
      ALTER TABLE "outbound_messages"
        DROP COLUMN "kind", DROP COLUMN "subject", DROP COLUMN "html", DROP COLUMN "in_reply_to",
        DROP COLUMN "segments"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "run_at"`);
    await queryRunner.query(`ALTER TABLE "area_settings" DROP COLUMN "responses"`);
  }
}
