import { MigrationInterface, QueryRunner } from 'typeorm';

// Handlers' texts to the traveller: a reply, or a question that waits for an answer. The
// acknowledgement, urgent alerts and deadline notices are the service's own words.
const HANDLER_KINDS = "('message', 'question')";

export class SearchCaseThreads1764010000000 implements MigrationInterface {
  name = 'SearchCaseThreads1764010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The thread as Swedish full-text search sees it: what the traveller wrote after the
    // report and what handlers answered. Kept by triggers on the messages' inserts, since
    // a generated column cannot read other tables; anonymisation sets it to NULL.
    await queryRunner.query(`ALTER TABLE "cases" ADD "thread_vector" tsvector`);
    await queryRunner.query(
      `CREATE INDEX "cases_thread_vector_idx" ON "cases" USING gin ("thread_vector")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "cases_thread_vector_append"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases SET thread_vector = coalesce(thread_vector, ''::tsvector) || to_tsvector('swedish', NEW.body)
         WHERE id = NEW.case_id AND anonymised_at IS NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "case_messages_thread_vector"
        AFTER INSERT ON "case_messages"
        FOR EACH ROW EXECUTE FUNCTION "cases_thread_vector_append"()`);
    await queryRunner.query(`
      CREATE TRIGGER "outbound_messages_thread_vector"
        AFTER INSERT ON "outbound_messages"
        FOR EACH ROW WHEN (NEW.case_id IS NOT NULL AND NEW.kind IN ${HANDLER_KINDS})
        EXECUTE FUNCTION "cases_thread_vector_append"()`);
    // The threads so far, oldest message first; anonymised cases have none left to index.
    await queryRunner.query(`
      UPDATE cases c SET thread_vector = t.vector
        FROM (SELECT case_id, to_tsvector('swedish', string_agg(body, E'\\n\\n' ORDER BY created_at)) AS vector
                FROM (SELECT case_id, body, created_at FROM case_messages
                      UNION ALL
                      SELECT case_id, body, created_at FROM outbound_messages
                       WHERE case_id IS NOT NULL AND kind IN ${HANDLER_KINDS}) m
               GROUP BY case_id) t
       WHERE c.id = t.case_id AND c.anonymised_at IS NULL`);
    // Statistics for the planner at once, as for search_vector (see SpeedUpInboxLists).
    await queryRunner.query(`ANALYZE "cases" ("thread_vector")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "outbound_messages_thread_vector" ON "outbound_messages"`,
    );
    await queryRunner.query(`DROP TRIGGER "case_messages_thread_vector" ON "case_messages"`);
    await queryRunner.query(`DROP FUNCTION "cases_thread_vector_append"()`);
    await queryRunner.query(`DROP INDEX "cases_thread_vector_idx"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "thread_vector"`);
  }
}
