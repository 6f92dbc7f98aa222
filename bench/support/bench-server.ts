// The service under benchmark, in a process of its own so that the load generator does not
// share its event loop. Prints one JSON line {url} when it listens; stops on SIGTERM.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createService, prepareDatabase } from '../../src/bootstrap';
import { AreaLoaderService } from '../../src/directory/area-loader.service';
import { GtfsImportService } from '../../src/directory/gtfs/gtfs-import.service';
import { loadConfig } from '../../src/infra/config/app-config';
import { RoutingService } from '../../src/routing/routing.service';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const config = loadConfig(process.env);
  await prepareDatabase(config);
  const service = await createService(config);
  if (service.role !== 'http') throw new Error('the benchmark needs the api role');
  const app = service.app;
  await app.init();
  await app
    .get(AreaLoaderService)
    .loadText(readFileSync(join(ROOT, 'area', 'demo-uppsala.yaml'), 'utf8'));
  await app.get(GtfsImportService).importPath(join(ROOT, 'area', 'gtfs', 'ul-2021.zip'));
  await app.get(RoutingService).refresh(true);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
