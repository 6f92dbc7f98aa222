import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { createService } from '../../src/bootstrap';
import { createIsolatedDatabase } from './isolated-database';
import { AppConfig, loadConfig } from '../../src/infra/config/app-config';
import type { Clock } from '../../src/infra/clock/clock';

/** A clock a test sets and moves by hand: business hours do not depend on when CI runs. */
export class FrozenClock implements Clock {
  private current: Date;

  constructor(at: string | Date) {
    this.current = new Date(at);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: string | Date): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  config: AppConfig;
  app: INestApplicationContext;
  /** The HTTP server for supertest; absent for a worker-only app. */
  server: Server;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real service on a database and a queue prefix of its own (unless the test names
 * them, to share them between two apps): an app's outbox dispatcher takes every due row
 * of its database, so apps of different test files must never share one.
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const database = overrides.DATABASE_URL ? null : await createIsolatedDatabase('app');
  const config = loadConfig({
    ...process.env,
    ...(database ? { DATABASE_URL: database.url } : {}),
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-${randomBytes(3).toString('hex')}`,
    OUTBOX_POLL_MS: '200',
    INTAKE_RATE_LIMIT_PER_MINUTE: '10000',
    RUN_MIGRATIONS: 'false',
    ...overrides,
  });
  const service = await createService(config, options);
  await service.app.init();
  const server = (service.role === 'http' ? service.app.getHttpServer() : undefined) as Server;
  return {
    config,
    app: service.app,
    server,
    dataSource: service.app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await service.app.close();
      await database?.drop();
    },
  };
}

/** Waits for a condition that an event elsewhere will make true; fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
