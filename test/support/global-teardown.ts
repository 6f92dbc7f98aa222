import Redis from 'ioredis';
import { dropDatabase } from '../../src/infra/database/postgres-url';

/** Drops the run's database and Redis keys, and stops any embedded stand-ins. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== 'true' && process.env.DATABASE_URL) {
    await dropDatabase(process.env.DATABASE_URL).catch(() => undefined);
  }
  if (process.env.REDIS_URL && process.env.QUEUE_PREFIX) {
    const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(
          cursor,
          'MATCH',
          `${process.env.QUEUE_PREFIX}*`,
          'COUNT',
          1000,
        );
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
  await globalThis.__SYNPUNKT_TEST_STOP__?.();
}
