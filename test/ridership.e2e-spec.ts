import { join } from 'node:path';
import request from 'supertest';
import { runCli } from '../src/cli/main';
import { loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'ridership');

describe('ridership import', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' });
    await loadDemoArea(app, { feed: false });
  }, 60_000);

  afterAll(() => app.close());

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { ...process.env, DATABASE_URL: app.config.DATABASE_URL },
      { out: (line) => out.push(line), err: (line) => err.push(line) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const stored = () =>
    app.dataSource.query<{ month: string; code: string; line: string; boardings: string }[]>(
      `SELECT to_char(r.month, 'YYYY-MM') AS month, c.code, r.line, r.boardings
         FROM ridership r JOIN contracts c ON c.id = r.contract_id ORDER BY 1, 2, 3`,
    );

  it('imports what Swedish Excel writes and prints a one-line summary', async () => {
    const result = await cli('ridership:import', join(FIXTURES, 'excel-semicolons.csv'));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(
      'ridership imported: 4 row(s), 2 month(s) (2026-01…2026-02), 2 contract(s), 2735000 boardings',
    );
    expect(await stored()).toEqual([
      { month: '2026-01', code: 'UL-REGION-SYD-2020', line: '', boardings: '400000' },
      { month: '2026-01', code: 'UL-STAD-2019', line: '', boardings: '1200000' },
      { month: '2026-01', code: 'UL-STAD-2019', line: '4', boardings: '35000' },
      { month: '2026-02', code: 'UL-STAD-2019', line: '', boardings: '1100000' },
    ]);
  });

  it('refuses a malformed file whole, listing every error, and stores nothing', async () => {
    const before = await stored();
    const result = await cli('ridership:import', join(FIXTURES, 'malformed.csv'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('nothing was stored');
    expect(result.err).toContain('line 2, month: "2026-13" is not a month YYYY-MM');
    expect(result.err).toContain(
      'line 3, contract: "NO-SUCH-CONTRACT" is not a contract of the area',
    );
    expect(result.err).toContain('line 4, boardings: "12.5" is not a whole number');
    expect(await stored()).toEqual(before);
    expect((await cli('ridership:import')).code).toBe(2);
  });

  it('lets the authority admins upload over HTTP: a month and contract is replaced, others stay', async () => {
    const admin = (await signIn(app.server, await newUser(app, { role: 'admin' }))).cookie;
    const response = await request(app.server)
      .post('/api/v1/ridership')
      .set('Cookie', admin)
      .set('Content-Type', 'text/csv')
      .send('month,contract,line,boardings\n2026-01,UL-STAD-2019,,1 250 000\n')
      .expect(200);
    expect(response.body).toEqual({
      rows: 1,
      months: ['2026-01'],
      contracts: ['UL-STAD-2019'],
      boardings: 1_250_000,
    });
    const rows = await stored();
    // The city contract's January (its line 4 as well) was replaced; the region's stays.
    expect(rows.filter((row) => row.month === '2026-01')).toEqual([
      { month: '2026-01', code: 'UL-REGION-SYD-2020', line: '', boardings: '400000' },
      { month: '2026-01', code: 'UL-STAD-2019', line: '', boardings: '1250000' },
    ]);
    const [event] = await app.dataSource.query<{ what: string; entity: string }[]>(
      `SELECT what, entity FROM partnership_events WHERE entity = 'ridership' AND actor_user_id IS NOT NULL`,
    );
    expect(event).toEqual({ what: 'import', entity: 'ridership' });

    const refused = await request(app.server)
      .post('/api/v1/ridership')
      .set('Cookie', admin)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send('month;contract;line;boardings\n2026-1;UL-STAD-2019;;5\n2026-02;UL-STAD-2019;;-1\n')
      .expect(400);
    expect(refused.body).toMatchObject({ status: 400, code: 'ridership.invalid-file' });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ line: 2, column: 'month', field: 'line 2, month' }),
      expect.objectContaining({ line: 3, column: 'boardings' }),
    ]);
    await request(app.server)
      .post('/api/v1/ridership')
      .set('Cookie', admin)
      .send({ month: '2026-01' })
      .expect(400);
  });

  it('is for the authority admins only', async () => {
    const body = 'month,contract,line,boardings\n2026-03,UL-STAD-2019,,1\n';
    for (const who of [
      { organisationCode: 'GUB', role: 'admin' },
      { organisationCode: 'UL', role: 'handler' },
      { organisationCode: 'UL', role: 'forum' },
    ]) {
      const { cookie } = await signIn(app.server, await newUser(app, who));
      await request(app.server)
        .post('/api/v1/ridership')
        .set('Cookie', cookie)
        .set('Content-Type', 'text/csv')
        .send(body)
        .expect(403);
    }
    expect((await stored()).some((row) => row.month === '2026-03')).toBe(false);
  });
});
