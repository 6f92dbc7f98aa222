import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePartnership1764020000000 implements MigrationInterface {
  name = 'CreatePartnership1764020000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Boardings per month and contract ('' = the whole contract, else one line), imported
    // from the operators' counts: the denominator of complaint rates.
    await queryRunner.query(`
      CREATE TABLE "ridership" (
        "month" date NOT NULL,
        "contract_id" uuid NOT NULL,
        "line" text NOT NULL DEFAULT '',
        "boardings" bigint NOT NULL,
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ridership" PRIMARY KEY ("month", "contract_id", "line"),
        CONSTRAINT "ridership_boardings_check" CHECK ("boardings" >= 0),
        CONSTRAINT "ridership_month_check" CHECK (EXTRACT(DAY FROM "month") = 1),
        CONSTRAINT "ridership_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id"))`);
    await queryRunner.query(
      `CREATE INDEX "ridership_contract_month_idx" ON "ridership" ("contract_id", "month")`,
    );

    // The partnership forums (the area's, or one contract's) and their cycles.
    await queryRunner.query(`
      CREATE TABLE "forums" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" text NOT NULL,
        "contract_id" uuid,
        "members" text[] NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_forums" PRIMARY KEY ("id"),
        CONSTRAINT "forums_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "forums_code_key" ON "forums" ("code")`);
    await queryRunner.query(`
      CREATE TABLE "cycles" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "forum_id" uuid NOT NULL,
        "code" text NOT NULL,
        "starts_on" date NOT NULL,
        "ends_on" date NOT NULL,
        "focus_areas" text[] NOT NULL DEFAULT '{}',
        "reflections" text,
        "decisions" text,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_cycles" PRIMARY KEY ("id"),
        CONSTRAINT "cycles_dates_check" CHECK ("ends_on" >= "starts_on"),
        CONSTRAINT "cycles_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "forums"("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cycles_forum_code_key" ON "cycles" ("forum_id", "code")`,
    );

    // What a forum or an organisation decided to do about a root cause, and whether it helped.
    await queryRunner.query(`
      CREATE TABLE "improvement_actions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" text NOT NULL,
        "description" text,
        "root_causes" text[] NOT NULL DEFAULT '{}',
        "focus_areas" text[] NOT NULL DEFAULT '{}',
        "contract_ids" uuid[] NOT NULL DEFAULT '{}',
        "owner_organisation_id" uuid NOT NULL,
        "decided_on" date NOT NULL,
        "due_on" date,
        "status" text NOT NULL DEFAULT 'planned',
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "cycle_id" uuid,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_improvement_actions" PRIMARY KEY ("id"),
        CONSTRAINT "improvement_actions_status_check" CHECK ("status" IN ('planned', 'in-progress', 'done', 'cancelled')),
        CONSTRAINT "improvement_actions_due_check" CHECK ("due_on" IS NULL OR "due_on" >= "decided_on"),
        CONSTRAINT "improvement_actions_owner_fkey" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id"),
        CONSTRAINT "improvement_actions_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycles"("id"))`);
    await queryRunner.query(
      `CREATE INDEX "improvement_actions_owner_idx" ON "improvement_actions" ("owner_organisation_id")`,
    );

    // Who changed what in the partnership's records: the audit trail of every write.
    await queryRunner.query(`
      CREATE TABLE "partnership_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_user_id" uuid,
        "what" text NOT NULL,
        "entity" text NOT NULL,
        "entity_id" uuid,
        "before" jsonb,
        "after" jsonb,
        CONSTRAINT "PK_partnership_events" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "partnership_events_entity_idx" ON "partnership_events" ("entity", "entity_id", "at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "partnership_events"`);
    await queryRunner.query(`DROP TABLE "improvement_actions"`);
    await queryRunner.query(`DROP TABLE "cycles"`);
    await queryRunner.query(`DROP TABLE "forums"`);
    await queryRunner.query(`DROP TABLE "ridership"`);
  }
}
