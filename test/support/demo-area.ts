import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AreaLoaderService } from '../../src/directory/area-loader.service';
import { GtfsImportService } from '../../src/directory/gtfs/gtfs-import.service';
import { RoutingService } from '../../src/routing/routing.service';
import type { TestApp } from './test-app';

const ROOT = join(__dirname, '..', '..');
export const DEMO_AREA_FILE = join(ROOT, 'area', 'demo-uppsala.yaml');
export const DEMO_GTFS_FEED = join(ROOT, 'area', 'gtfs', 'ul-2021.zip');

/**
 * Loads the demo area (Uppsala's authority, operators and contracts) and, unless told
 * not to, its real 2021 GTFS feed into the app's database, and rebuilds the router's index.
 */
export async function loadDemoArea(app: TestApp, options: { feed?: boolean } = {}): Promise<void> {
  await app.app.get(AreaLoaderService).loadText(readFileSync(DEMO_AREA_FILE, 'utf8'));
  if (options.feed !== false) await app.app.get(GtfsImportService).importPath(DEMO_GTFS_FEED);
  await app.app.get(RoutingService).refresh(true);
}
