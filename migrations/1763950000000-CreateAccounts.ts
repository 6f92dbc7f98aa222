import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1763950000000 implements MigrationInterface {
  name = 'CreateAccounts1763950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // People of the authority and the operators; e-mail is stored lower-case, so the
    // unique index is case-insensitive without a functional index.
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "email" text NOT NULL,
        "name" text NOT NULL,
        "role" text NOT NULL,
        "password_hash" text NOT NULL,
        "failed_sign_ins" integer NOT NULL DEFAULT 0,
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_users" PRIMARY KEY ("id"),
        CONSTRAINT "users_organisation_id_fkey" FOREIGN KEY ("organisation_id")
          REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);
    await queryRunner.query(
      `CREATE INDEX "users_organisation_id_idx" ON "users" ("organisation_id")`,
    );
    // A browser session; the id is the SHA-256 of the cookie's token, never the token.
    await queryRunner.query(`
      CREATE TABLE "user_sessions" (
        "id" text NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_user_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions" ("user_id")`,
    );
    // Integration tokens, stored hashed; a revoked one is kept so its use can be explained.
    await queryRunner.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" text NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_api_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash")`,
    );
    await queryRunner.query(`CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id")`);
    // One-hour, single-use password reset links, stored hashed like sessions.
    await queryRunner.query(`
      CREATE TABLE "password_resets" (
        "token_hash" text NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_password_resets" PRIMARY KEY ("token_hash"),
        CONSTRAINT "password_resets_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "password_resets_user_id_idx" ON "password_resets" ("user_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_resets"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP TABLE "user_sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
