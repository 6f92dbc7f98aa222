import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAreaDirectory1763910000000 implements MigrationInterface {
  name = 'CreateAreaDirectory1763910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organisations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_organisations" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_code_key" ON "organisations" ("code")`,
    );
    await queryRunner.query(`
      CREATE TABLE "categories" (
        "code" text NOT NULL,
        "label_sv" text NOT NULL,
        "label_en" text NOT NULL,
        "urgent" boolean NOT NULL DEFAULT false,
        "position" integer NOT NULL,
        CONSTRAINT "PK_categories" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "contracts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" text NOT NULL,
        "operator_id" uuid NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "mode" text NOT NULL,
        "regime" text NOT NULL,
        "scope" jsonb NOT NULL,
        "responsibility" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_contracts" PRIMARY KEY ("id"),
        CONSTRAINT "contracts_operator_id_fkey" FOREIGN KEY ("operator_id")
          REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "contracts_code_key" ON "contracts" ("code")`);
    await queryRunner.query(`
      CREATE TABLE "area_settings" (
        "id" integer NOT NULL DEFAULT 1,
        "name" text NOT NULL,
        "time_zone" text NOT NULL,
        "authority_id" uuid NOT NULL,
        "line_aliases" jsonb NOT NULL,
        "without_contract" jsonb NOT NULL,
        "source_hash" text NOT NULL,
        "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_area_settings" PRIMARY KEY ("id"),
        CONSTRAINT "area_settings_authority_id_fkey" FOREIGN KEY ("authority_id")
          REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);

    // GTFS: one active feed; its rows are bulk-written and read by SQL, removed with the feed.
    await queryRunner.query(`
      CREATE TABLE "gtfs_feeds" (
        "id" SERIAL NOT NULL,
        "version" text,
        "publisher" text,
        "source" text NOT NULL,
        "active" boolean NOT NULL DEFAULT false,
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_gtfs_feeds" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gtfs_agencies" (
        "feed_id" integer NOT NULL REFERENCES "gtfs_feeds"("id") ON DELETE CASCADE,
        "agency_id" text NOT NULL,
        "name" text NOT NULL,
        "url" text NOT NULL,
        "timezone" text NOT NULL,
        PRIMARY KEY ("feed_id", "agency_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gtfs_routes" (
        "feed_id" integer NOT NULL REFERENCES "gtfs_feeds"("id") ON DELETE CASCADE,
        "route_id" text NOT NULL,
        "agency_id" text NOT NULL,
        "short_name" text NOT NULL,
        "long_name" text NOT NULL,
        "type" integer NOT NULL,
        "description" text NOT NULL,
        PRIMARY KEY ("feed_id", "route_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gtfs_stops" (
        "feed_id" integer NOT NULL REFERENCES "gtfs_feeds"("id") ON DELETE CASCADE,
        "stop_id" text NOT NULL,
        "name" text NOT NULL,
        "lat" double precision,
        "lon" double precision,
        "location_type" integer NOT NULL,
        "parent_station" text,
        PRIMARY KEY ("feed_id", "stop_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gtfs_route_operators" (
        "feed_id" integer NOT NULL REFERENCES "gtfs_feeds"("id") ON DELETE CASCADE,
        "route_id" text NOT NULL,
        "operator_name" text NOT NULL,
        "service_ids" text[] NOT NULL,
        "trips" integer NOT NULL,
        PRIMARY KEY ("feed_id", "route_id", "operator_name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gtfs_services" (
        "feed_id" integer NOT NULL REFERENCES "gtfs_feeds"("id") ON DELETE CASCADE,
        "service_id" text NOT NULL,
        "weekdays" boolean[] NOT NULL,
        "start_date" date,
        "end_date" date,
        "added" date[] NOT NULL,
        "removed" date[] NOT NULL,
        PRIMARY KEY ("feed_id", "service_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gtfs_stop_routes" (
        "feed_id" integer NOT NULL REFERENCES "gtfs_feeds"("id") ON DELETE CASCADE,
        "stop_id" text NOT NULL,
        "route_id" text NOT NULL,
        PRIMARY KEY ("feed_id", "stop_id", "route_id")
      )`);

    // Routing on cases, and the audit trail and transfers that follow a case.
    await queryRunner.query(`
      ALTER TABLE "cases"
        ADD "contract_id" uuid,
        ADD "responsible_organisation_id" uuid,
        ADD "triage" boolean NOT NULL DEFAULT false,
        ADD "routing_confidence" text,
        ADD "routing_reasons" jsonb NOT NULL DEFAULT '[]',
        ADD "gtfs_route_id" text,
        ADD "line_ref" text,
        ADD CONSTRAINT "cases_contract_id_fkey" FOREIGN KEY ("contract_id")
          REFERENCES "contracts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        ADD CONSTRAINT "cases_responsible_organisation_id_fkey" FOREIGN KEY ("responsible_organisation_id")
          REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(
      `CREATE INDEX "cases_responsible_organisation_id_idx" ON "cases" ("responsible_organisation_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor" text NOT NULL,
        "type" text NOT NULL,
        "data" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_case_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_events_case_id_at_idx" ON "case_events" ("case_id", "at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_transfers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL,
        "from_organisation_id" uuid,
        "from_contract_id" uuid,
        "to_organisation_id" uuid NOT NULL,
        "to_contract_id" uuid,
        "reason" text NOT NULL,
        "note" text,
        "method" text NOT NULL,
        "actor" text NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_transfers" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "case_transfers_case_id_idx" ON "case_transfers" ("case_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_transfers_from_contract_at_idx" ON "case_transfers" ("from_contract_id", "at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_transfers"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`
      ALTER TABLE "cases"
        DROP CONSTRAINT "cases_responsible_organisation_id_fkey",
        DROP CONSTRAINT "cases_contract_id_fkey",
        DROP COLUMN "line_ref",
        DROP COLUMN "gtfs_route_id",
        DROP COLUMN "routing_reasons",
        DROP COLUMN "routing_confidence",
        DROP COLUMN "triage",
        DROP COLUMN "responsible_organisation_id",
        DROP COLUMN "contract_id"`);
    for (const table of [
      'gtfs_stop_routes',
      'gtfs_services',
      'gtfs_route_operators',
      'gtfs_stops',
      'gtfs_routes',
      'gtfs_agencies',
      'gtfs_feeds',
      'area_settings',
      'contracts',
      'categories',
      'organisations',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
