import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';

const ROOT = join(__dirname, '..', '..', '..');

/** The one data source definition, shared by the app, the migration CLI and the tests. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: ENTITIES,
    // Migrations are compiled with the app (dist/migrations) or run by ts-node from source.
    migrations: [join(ROOT, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    // TypeORM's own error log prints query parameters: travellers' personal data. Errors
    // reach the logs through the error filter instead, without parameters.
    logging: false,
    extra: { max: config.DATABASE_POOL_SIZE, application_name: 'synpunkt' },
  };
}
