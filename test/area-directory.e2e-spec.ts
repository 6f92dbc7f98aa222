import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const DEMO_AREA = join(ROOT, 'area', 'demo-uppsala.yaml');
const DEMO_FEED = join(ROOT, 'area', 'gtfs', 'ul-2021.zip');

async function cli(databaseUrl: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { ...process.env, DATABASE_URL: databaseUrl },
    {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the area directory and the GTFS feed', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestApp;
  const snapshot = () =>
    app.dataSource.query<{ table: string; rows: string; changed: string | null }[]>(
      `SELECT 'organisations' AS table, count(*)::text AS rows, max(updated_at)::text AS changed FROM organisations
       UNION ALL SELECT 'contracts', count(*)::text, max(updated_at)::text FROM contracts
       UNION ALL SELECT 'categories', count(*)::text, null FROM categories
       UNION ALL SELECT 'area', count(*)::text, max(loaded_at)::text FROM area_settings
       UNION ALL SELECT 'feed', string_agg(id::text, ','), max(imported_at)::text FROM gtfs_feeds WHERE active
       UNION ALL SELECT 'routes', count(*)::text, null FROM gtfs_routes`,
    );

  beforeAll(async () => {
    database = await createIsolatedDatabase('area');
    app = await createTestApp({ DATABASE_URL: database.url });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('loads the demo area from its file, and the same file again changes nothing', async () => {
    const first = await cli(database.url, 'area:load', DEMO_AREA);
    expect(first).toMatchObject({
      code: 0,
      out: 'area loaded: 10 organisations, 17 categories, 9 contracts',
    });
    const before = await snapshot();
    const again = await cli(database.url, 'area:load', DEMO_AREA);
    expect(again).toMatchObject({ code: 0, out: 'area unchanged: this file is already loaded' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a malformed area file whole, listing every problem with its place', async () => {
    const before = await snapshot();
    const directory = mkdtempSync(join(tmpdir(), 'synpunkt-area-'));
    const broken = join(directory, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(DEMO_AREA, 'utf8')
        .replace('name: Stadstrafik Uppsala', 'name: Stadstrafik Uppsala (ny)')
        .replace('operator: MOHLINS', 'operator: NOBODY')
        .replace('validFrom: 2021-06-13', 'validFrom: 13 juni 2021'),
    );
    const result = await cli(database.url, 'area:load', broken);
    expect(result.code).toBe(1);
    expect(result.err).toContain('The area file has 2 problem(s); nothing was changed.');
    expect(result.err).toMatch(/contracts\[4\]\.validFrom \(line \d+\): must be a date YYYY-MM-DD/);
    expect(await snapshot()).toEqual(before);
    const [stad] = await app.dataSource.query<{ name: string }[]>(
      `SELECT name FROM contracts WHERE code = 'UL-STAD-2019'`,
    );
    expect(stad.name).toBe('Stadstrafik Uppsala');
  });

  it('says what is wrong with the command line', async () => {
    expect(await cli(database.url, 'area:load')).toMatchObject({
      code: 2,
      err: 'area:load needs a FILE',
    });
    expect(await cli(database.url, 'area:load', '/no/such/file.yaml')).toMatchObject({
      code: 2,
      err: 'cannot read /no/such/file.yaml: ENOENT',
    });
    expect((await cli(database.url, 'area:fly')).err).toMatch(/^unknown command area:fly\nusage:/);
  });

  it('imports the real Uppsala feed and derives who runs each route', async () => {
    const result = await cli(database.url, 'gtfs:import', DEMO_FEED);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^feed 2021-09-30 imported as feed \d+: 2 agencies, 254 routes, 13523 stops/,
    );
    const operatorsOfLine8 = await app.dataSource.query<{ operator_name: string; trips: number }[]>(
      `SELECT o.operator_name, o.trips FROM gtfs_route_operators o JOIN gtfs_routes r USING (feed_id, route_id)
        WHERE r.short_name = '8' ORDER BY o.trips DESC`,
    );
    expect(operatorsOfLine8).toEqual([
      { operator_name: 'Gamla Uppsala Buss AB', trips: 275 },
      { operator_name: 'Nobina Sverige AB', trips: 2 },
    ]);
  });

  it('swaps a new import in whole, leaving one active feed and none of the old rows', async () => {
    const [{ id: oldFeed }] = await app.dataSource.query<{ id: number }[]>(
      'SELECT id FROM gtfs_feeds WHERE active',
    );
    expect((await cli(database.url, 'gtfs:import', DEMO_FEED)).code).toBe(0);
    const feeds = await app.dataSource.query<{ id: number; active: boolean }[]>(
      'SELECT id, active FROM gtfs_feeds',
    );
    expect(feeds).toEqual([{ id: expect.any(Number), active: true }]);
    expect(feeds[0].id).not.toBe(oldFeed);
    const [{ stale }] = await app.dataSource.query<{ stale: string }[]>(
      'SELECT count(*)::text AS stale FROM gtfs_routes WHERE feed_id = $1',
      [oldFeed],
    );
    expect(stale).toBe('0');
  });

  it('keeps the active feed when a new one is malformed', async () => {
    const before = await snapshot();
    const directory = mkdtempSync(join(tmpdir(), 'synpunkt-gtfs-'));
    writeFileSync(
      join(directory, 'agency.txt'),
      'agency_id,agency_name,agency_url,agency_timezone\nA,Ägaren,https://example.se,Europe/Stockholm\n',
    );
    writeFileSync(
      join(directory, 'routes.txt'),
      'route_id,agency_id,route_short_name,route_long_name,route_type\nR1,B,1,,700\nR2,A,2,,buss\n',
    );
    writeFileSync(join(directory, 'stops.txt'), 'stop_id,stop_name\nS1,Centrum\n');
    const result = await cli(database.url, 'gtfs:import', directory);
    expect(result.code).toBe(1);
    expect(result.err).toContain('routes.txt:2');
    expect(result.err).toContain('routes.txt:3');
    expect(await snapshot()).toEqual(before);
  });
});
