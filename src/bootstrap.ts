import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { Clock } from './infra/clock/clock';
import { AppConfig, runsApi } from './infra/config/app-config';
import { dataSourceOptions } from './infra/database/data-source-options';
import { runMigrations } from './infra/database/migrations';
import { ensureDatabase } from './infra/database/postgres-url';
import { configureHttp } from './infra/http/configure-http';
import { bootLogger } from './infra/runtime/boot-logger';
import { DemoSeedService } from './seed/demo-seed.service';

/** Creates the database if needed and brings its schema up to date. */
export async function prepareDatabase(config: AppConfig): Promise<string[]> {
  await ensureDatabase(config.DATABASE_URL);
  if (!config.RUN_MIGRATIONS) return [];
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export type Service =
  { role: 'http'; app: NestExpressApplication } | { role: 'worker'; app: INestApplicationContext };

/** Builds the Nest application for the configured role, without listening yet. */
export async function createService(
  config: AppConfig,
  options: { clock?: Clock } = {},
): Promise<Service> {
  const module = AppModule.forConfig(config, options);
  if (!runsApi(config)) {
    const app = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    app.useLogger(app.get(PinoNestLogger));
    return { role: 'worker', app };
  }
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  configureHttp(app, config);
  return { role: 'http', app };
}

/** The whole start-up: database, migrations, the app, demo data when asked, then listening. */
export async function startService(config: AppConfig): Promise<Service> {
  const log = bootLogger(config.LOG_LEVEL);
  const applied = await prepareDatabase(config);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  const service = await createService(config);
  if (service.role === 'http') {
    if (config.SEED_DEMO) await service.app.get(DemoSeedService).seedIfEmpty();
    await service.app.listen(config.PORT, config.HOST);
    log.info({ url: config.PUBLIC_BASE_URL, role: config.SYNPUNKT_ROLE }, 'Synpunkt is serving');
  } else {
    await service.app.init();
    log.info({ role: config.SYNPUNKT_ROLE }, 'Synpunkt worker is running');
  }
  return service;
}

export type AnyApp = INestApplication | INestApplicationContext;
