// The migration command line: `npm run migration:run|revert|check`, on the app's own config.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { pendingSchemaDrift, runMigrations } from './migrations';
import { ensureDatabase } from './postgres-url';

async function main(command: string | undefined): Promise<number> {
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrations(dataSource);
        process.stdout.write(
          applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n',
        );
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
        return 0;
      case 'check': {
        await runMigrations(dataSource);
        const drift = await pendingSchemaDrift(dataSource);
        if (drift.length === 0) {
          process.stdout.write('entities and migrations agree\n');
          return 0;
        }
        process.stderr.write(`entities and migrations disagree; missing:\n${drift.join(';\n')}\n`);
        return 1;
      }
      default:
        process.stderr.write('usage: migrate run|revert|check\n');
        return 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
