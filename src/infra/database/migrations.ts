import { DataSource } from 'typeorm';

// Any constant will do; it keeps two instances starting at once from migrating together.
const MIGRATION_LOCK_KEY = 727_271_101;

/** The SQL TypeORM would still run to make the schema match the entities: empty when they agree. */
export async function pendingSchemaDrift(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((query) => query.query);
}

/** Applies pending migrations, each in its own transaction, under a cluster-wide lock. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
