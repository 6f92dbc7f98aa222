import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../src/bootstrap';
import { loadConfig } from '../../src/infra/config/app-config';
import { bootLogger } from '../../src/infra/runtime/boot-logger';
import { resolveLocalServices } from '../../src/infra/runtime/local-services';

declare global {
  var __SYNPUNKT_TEST_STOP__: (() => Promise<void>) | undefined;
}

/**
 * One database and one Redis key prefix per test run, so that runs (and a developer's
 * own service) cannot collide. Migrations run once here; each test file makes its own
 * organisations instead of truncating.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const log = bootLogger('warn');
  const services = await resolveLocalServices(
    { DATABASE_URL: process.env.TEST_DATABASE_URL, REDIS_URL: process.env.TEST_REDIS_URL },
    { database: 'postgres' },
    log,
  );
  const databaseUrl = new URL(services.databaseUrl);
  databaseUrl.pathname = `/synpunkt_test_${run}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: `sp-test-${run}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SYNPUNKT_TEST_EMBEDDED: services.embedded.join(','),
  });
  await prepareDatabase(loadConfig(process.env));
  globalThis.__SYNPUNKT_TEST_STOP__ = services.stop;
}
