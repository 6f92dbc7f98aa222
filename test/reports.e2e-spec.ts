import request from 'supertest';
import yauzl from 'yauzl';
import type { ReportDocument, ReportTable } from '../src/reports/report-document';
import { loadDemoArea } from './support/demo-area';
import { pdfPageTexts } from './support/pdf-text';
import { newUser, signIn } from './support/sign-in';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, FrozenClock, TestApp } from './support/test-app';

/**
 * The monthly export against a hand-computed fixture: December 2026 on the city contract
 * (UL-STAD-2019, Gamla Uppsala Buss, office hours 08–12 and 13–17 on weekdays, Swedish
 * holidays closed; a first answer within 8 open hours). Times below are Stockholm's (UTC+1).
 *
 *   H  5 Dec 2025  complaint, staff-treatment                      (same month last year)
 *   G 20 Nov 2026  complaint, staff-treatment                      (previous month)
 *   B  1 Dec 09:00 complaint, staff-treatment; answered 3 Dec 11:00: 3+4 + 8 + 3 = 18 h, late
 *   C  7 Dec 11:00 praise; never answered; its 8 h passed on 8 Dec   (late)
 *   D 10 Dec 09:00 complaint, vehicle-cleanliness; 10:00 transferred to Nobina, which runs
 *                  no contract on line 4: the case leaves the contract (a misroute of it)
 *   E 14 Dec 09:00 complaint, staff-treatment; answered 10:00 (1 h); resolved; reopened 15 Dec
 *   F 14 Dec 12:00 the same again: merged into E (before E was resolved), so not counted
 *   A 23 Dec 16:00 complaint, staff-treatment; answered Mon 28 Dec 10:00: 1 h on the 23rd,
 *                  julafton, juldagen, annandagen and the weekend closed, 2 h on the 28th = 3 h
 *
 * Ridership: the contract 2,000,000 boardings in December and 1,900,000 in November; line 4
 * 300,000 in December.
 */
describe('the monthly report', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  const clock = new FrozenClock('2025-12-05T09:00:00Z');
  const tokens: Record<'ul' | 'gub' | 'nobina', string> = { ul: '', gub: '', nobina: '' };
  const refs: Record<string, string> = {};
  let december: ReportDocument;

  const tokenOf = async (organisationCode: string, role = 'handler') => {
    const email = await newUser(app, { organisationCode, role });
    const { cookie } = await signIn(app.server, email);
    const created = await request(app.server)
      .post('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .send({ name: 'reports test' })
      .expect(201);
    return (created.body as { token: string }).token;
  };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const at = (iso: string) => clock.set(iso);
  const report = async (word: string, kind: string, category: string) => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind,
        language: 'sv',
        category,
        line: '4',
        description: `Fixturen ${word} hemlig text`,
        contact: { email: `resenar-${word.toLowerCase()}@example.se`, name: `Resenär ${word}` },
      })
      .expect(201);
    refs[word] = (response.body as { reference: string }).reference;
  };
  const act = (token: string, word: string, action: string, body: object = {}) =>
    request(app.server)
      .post(`/api/v1/cases/${refs[word]}/${action}`)
      .set(as(token))
      .send(body)
      .then((response) => {
        if (response.status !== 200)
          throw new Error(`${action} ${word}: ${response.status} ${JSON.stringify(response.body)}`);
        return response;
      });

  beforeAll(async () => {
    smtp = new SmtpSink();
    app = await createTestApp({ SMTP_URL: await smtp.start() }, { clock });
    await loadDemoArea(app);
    tokens.ul = await tokenOf('UL');
    tokens.gub = await tokenOf('GUB');
    tokens.nobina = await tokenOf('NOBINA', 'forum');

    at('2025-12-05T09:00:00Z');
    await report('H', 'complaint', 'staff-treatment');
    at('2026-11-20T09:00:00Z');
    await report('G', 'complaint', 'staff-treatment');
    at('2026-12-01T08:00:00Z');
    await report('B', 'complaint', 'staff-treatment');
    at('2026-12-03T10:00:00Z');
    await act(tokens.gub, 'B', 'reply', { body: 'Vi beklagar.' });
    at('2026-12-07T10:00:00Z');
    await report('C', 'praise', 'praise');
    at('2026-12-10T08:00:00Z');
    await report('D', 'complaint', 'vehicle-cleanliness');
    at('2026-12-10T09:00:00Z');
    await act(tokens.gub, 'D', 'transfer', { reason: 'not-our-operator', to: 'NOBINA' });
    at('2026-12-14T08:00:00Z');
    await report('E', 'complaint', 'staff-treatment');
    at('2026-12-14T09:00:00Z');
    await act(tokens.gub, 'E', 'reply', { body: 'Vi tittar på det.' });
    at('2026-12-14T11:00:00Z');
    await report('F', 'complaint', 'staff-treatment');
    await act(tokens.gub, 'F', 'merge', { into: refs.E });
    await act(tokens.gub, 'E', 'resolve', { outcome: 'upheld' });
    at('2026-12-15T08:00:00Z');
    await act(tokens.gub, 'E', 'reopen');
    at('2026-12-23T15:00:00Z');
    await report('A', 'complaint', 'staff-treatment');
    at('2026-12-28T09:00:00Z');
    await act(tokens.gub, 'A', 'reply', { body: 'Förlåt.' });
    await act(tokens.gub, 'A', 'tags', { rootCauses: ['staff-conduct'] });
    await act(tokens.gub, 'B', 'tags', { rootCauses: ['staff-conduct'] });
    await act(tokens.gub, 'E', 'tags', { rootCauses: ['staffing-shortage'] });
    await app.dataSource.query(
      `INSERT INTO ridership (month, contract_id, line, boardings)
       SELECT m::date, c.id, l, b FROM contracts c,
         (VALUES ('2026-12-01', '', 2000000), ('2026-11-01', '', 1900000), ('2026-12-01', '4', 300000))
           AS r(m, l, b)
        WHERE c.code = 'UL-STAD-2019'`,
    );
    // The first working day of January, in the morning.
    at('2027-01-04T07:00:00Z');
    const response = await request(app.server)
      .get('/api/v1/reports/monthly?month=2026-12')
      .set(as(tokens.ul))
      .expect(200);
    december = response.body as ReportDocument;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  const table = (doc: ReportDocument, id: string): ReportTable => {
    const found = doc.tables.find((t) => t.id === id);
    if (!found) throw new Error(`no table ${id}`);
    return found;
  };
  const rowsOf = (doc: ReportDocument, id: string) => table(doc, id).rows;

  it('counts by kind, category, promise and focus area against last month and last year', () => {
    expect(december.period).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(rowsOf(december, 'counts-by-kind')).toEqual([
      {
        kind: 'Klagomål',
        cases: 4,
        previous: 1,
        changePrevious: 3,
        lastYear: 1,
        changeLastYear: 3,
      },
      {
        kind: 'Beröm',
        cases: 1,
        previous: 0,
        changePrevious: null,
        lastYear: 0,
        changeLastYear: null,
      },
    ]);
    expect(rowsOf(december, 'counts-by-category')).toEqual([
      expect.objectContaining({ category: 'Bemötande', cases: 3, previous: 1, lastYear: 1 }),
      expect.objectContaining({ category: 'Beröm', cases: 1, previous: 0 }),
      expect.objectContaining({ category: 'Hela och rena fordon', cases: 1, previous: 0 }),
    ]);
    expect(rowsOf(december, 'counts-by-promise')).toEqual([
      expect.objectContaining({ promise: 'Bemötande', cases: 3, previous: 1, lastYear: 1 }),
      expect.objectContaining({ promise: 'Hela och rena fordon', cases: 1 }),
    ]);
    expect(rowsOf(december, 'counts-by-focus-area')).toEqual([
      expect.objectContaining({ focusArea: 'Bemötande', cases: 3, previous: 1, lastYear: 1 }),
    ]);
  });

  it('gives the rate per 100,000 boardings by contract and line, and the summary', () => {
    expect(rowsOf(december, 'counts-by-contract')).toEqual([
      {
        contract: 'UL-STAD-2019',
        name: 'Stadstrafik Uppsala',
        cases: 4,
        complaints: 3,
        boardings: 2_000_000,
        per100k: 0.15,
        previous: 1,
        lastYear: 1,
      },
      {
        contract: '(utan avtal)',
        name: '',
        cases: 1,
        complaints: 1,
        boardings: null,
        per100k: null,
        previous: 0,
        lastYear: 0,
      },
    ]);
    expect(rowsOf(december, 'counts-by-line')).toEqual([
      {
        contract: 'UL-STAD-2019',
        line: '4',
        cases: 4,
        complaints: 3,
        boardings: 300_000,
        per100k: 1,
      },
      {
        contract: '(utan avtal)',
        line: '4',
        cases: 1,
        complaints: 1,
        boardings: null,
        per100k: null,
      },
    ]);
    const summary = rowsOf(december, 'summary');
    expect(summary[0]).toMatchObject({ metric: 'Ärenden', value: 5, previous: 1, lastYear: 1 });
    expect(summary[3]).toMatchObject({ metric: 'Överlämnade ärenden (felfördelade)', value: 1 });
    const [rate] = rowsOf(december, 'summary-rate');
    expect(rate.metric).toBe('Klagomål per 100 000 påstigande');
    expect(rate.value).toBeCloseTo(0.15, 10);
    expect(rate.previous).toBeCloseTo(100_000 / 1_900_000, 10);
    expect(rate.lastYear).toBeNull();
  });

  it('measures response times in open hours across the Christmas holidays', () => {
    expect(rowsOf(december, 'response-times')).toEqual([
      {
        contract: '(utan avtal)',
        received: 1,
        answered: 0,
        medianHours: null,
        p90Hours: null,
        withinTarget: 0,
        // Nobina's legal month runs to 10 January: not decided yet.
        withinLegal: null,
      },
      {
        contract: 'UL-STAD-2019',
        received: 4,
        answered: 3,
        // 1 h (E), 3 h (A, over Christmas), 18 h (B).
        medianHours: 3,
        p90Hours: 15,
        // A and E on time; B late; C never answered.
        withinTarget: 0.5,
        withinLegal: 1,
      },
      {
        contract: 'Totalt',
        received: 5,
        answered: 3,
        medianHours: 3,
        p90Hours: 15,
        withinTarget: 0.4,
        withinLegal: 1,
      },
    ]);
  });

  it('counts the misroute against the contract the case left, and the root causes', () => {
    expect(rowsOf(december, 'transfers')).toEqual([
      { contract: 'UL-STAD-2019', cases: 1, transfers: 1, share: 0.2 },
    ]);
    expect(rowsOf(december, 'root-causes')).toEqual([
      { rootCause: 'Personalens agerande', cases: 2 },
      { rootCause: 'Personalbrist', cases: 1 },
    ]);
  });

  it('draws thirteen months of trend', () => {
    const trend = rowsOf(december, 'trend-by-month');
    expect(trend.map((row) => row.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(trend[0]).toEqual({ month: '2025-12', cases: 1, complaints: 1, per100k: null });
    expect(trend[5]).toEqual({ month: '2026-05', cases: 0, complaints: 0, per100k: null });
    expect(trend[11].per100k).toBeCloseTo(100_000 / 1_900_000, 10);
    expect(trend[12]).toMatchObject({ cases: 5, complaints: 4, per100k: 0.15 });
  });

  it("scopes an operator to its own contracts and refuses another's", async () => {
    const gub = await request(app.server)
      .get('/api/v1/reports/monthly?month=2026-12')
      .set(as(tokens.gub))
      .expect(200);
    // D left GUB's contract: the operator's area report no longer holds it.
    expect(rowsOf(gub.body as ReportDocument, 'summary')[0]).toMatchObject({ value: 4 });
    const refused = await request(app.server)
      .get('/api/v1/reports/monthly?month=2026-12&contract=UL-STAD-2019')
      .set(as(tokens.nobina))
      .expect(403);
    expect(refused.body.code).toBe('reports.contract-forbidden');
  });

  it('refuses a future or malformed month and an unknown contract, naming the field', async () => {
    const ask = (query: string) =>
      request(app.server).get(`/api/v1/reports/monthly?${query}`).set(as(tokens.ul));
    expect((await ask('month=2027-02').expect(400)).body.errors).toEqual([
      { field: 'month', reason: 'must not be after 2027-01' },
    ]);
    expect((await ask('month=12-2026').expect(400)).body.errors).toEqual([
      { field: 'month', reason: 'must be a month (YYYY-MM)' },
    ]);
    expect((await ask('month=2026-12&contract=UL-NONE').expect(400)).body.errors).toEqual([
      { field: 'contract', reason: 'UL-NONE is not a contract of this area' },
    ]);
    await request(app.server).get('/api/v1/reports/monthly?month=2026-12').expect(401);
  });

  it("reports a cycle to its forum: the tables, the focus areas' trend, actions and decisions", async () => {
    const [cycle] = await app.dataSource.query<{ id: string }[]>(
      `WITH forum AS (
         INSERT INTO forums (code, name, contract_id, members)
         SELECT 'STAD-FORUM', 'Stadstrafikens samverkansforum', id, '{forum@gub.example}'
           FROM contracts WHERE code = 'UL-STAD-2019' RETURNING id)
       INSERT INTO cycles (forum_id, code, starts_on, ends_on, focus_areas, reflections, decisions)
       SELECT id, '2026H2', '2026-07-01', '2026-12-31', '{staff-treatment,punctuality}',
              'Bemötandet har blivit sämre i december.', 'GUB utbildar förarna i januari.'
         FROM forum RETURNING id`,
    );
    await app.dataSource.query(
      `INSERT INTO improvement_actions (title, root_causes, focus_areas, contract_ids,
                                        owner_organisation_id, decided_on, status, cycle_id)
       SELECT 'Utbildning i bemötande', '{staff-conduct}', '{staff-treatment}', ARRAY[k.id], o.id,
              '2026-12-01', 'in-progress', $1
         FROM contracts k, organisations o WHERE k.code = 'UL-STAD-2019' AND o.code = 'GUB'`,
      [cycle.id],
    );
    const response = await request(app.server)
      .get(`/api/v1/reports/cycles/${cycle.id}`)
      .set(as(tokens.ul))
      .expect(200);
    const doc = response.body as ReportDocument;
    expect(doc.title).toBe('Synpunkter under 2026H2');
    expect(doc.period).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    // G in November and A, B, C, E in December; D left the contract. A year earlier: H.
    expect(rowsOf(doc, 'summary')[0]).toMatchObject({
      metric: 'Ärenden',
      value: 5,
      previous: 0,
      lastYear: 1,
    });
    // The 184 days before the cycle reach back into December 2025: the trend starts there.
    const focus = rowsOf(doc, 'focus-area-trend');
    expect(focus[0]).toEqual({ month: '2025-12', 'staff-treatment': 1, punctuality: 0 });
    expect(focus.at(-2)).toEqual({ month: '2026-11', 'staff-treatment': 1, punctuality: 0 });
    expect(focus.at(-1)).toEqual({ month: '2026-12', 'staff-treatment': 3, punctuality: 0 });
    expect(rowsOf(doc, 'actions')).toEqual([
      expect.objectContaining({ title: 'Utbildning i bemötande', owner: 'Gamla Uppsala Buss AB' }),
    ]);
    // The monthly report lists it among the open actions, with its state.
    const monthly = await request(app.server)
      .get('/api/v1/reports/monthly?month=2026-12&contract=UL-STAD-2019')
      .set(as(tokens.ul))
      .expect(200);
    expect(rowsOf(monthly.body as ReportDocument, 'actions')).toEqual([
      expect.objectContaining({
        title: 'Utbildning i bemötande',
        owner: 'Gamla Uppsala Buss AB',
        status: 'Pågår',
        rootCauses: 'Personalens agerande',
        focusAreas: 'Bemötande',
      }),
    ]);
    expect(rowsOf(doc, 'forum-decisions')).toEqual([
      { what: 'Reflektioner', text: 'Bemötandet har blivit sämre i december.' },
      { what: 'Beslut', text: 'GUB utbildar förarna i januari.' },
    ]);
    const pdf = await request(app.server)
      .get(`/api/v1/reports/cycles/${cycle.id}?format=pdf`)
      .set(as(tokens.ul))
      .expect(200);
    expect(pdf.headers['content-disposition']).toContain('cycle-2026H2-UL-STAD-2019.pdf');
    // Another operator's forum is not Nobina's to read; an unknown cycle is not found.
    await request(app.server)
      .get(`/api/v1/reports/cycles/${cycle.id}`)
      .set(as(tokens.nobina))
      .expect(403);
    await request(app.server)
      .get('/api/v1/reports/cycles/7a1c1f0e-3f43-4d8e-9a55-0c2b5d0e8f11')
      .set(as(tokens.ul))
      .expect(404);
    await request(app.server)
      .get(`/api/v1/reports/cycles/${cycle.id}?format=doc`)
      .set(as(tokens.ul))
      .expect(400);
  });

  describe('in every format, without personal data or free text', () => {
    const personal = ['Fixturen', 'hemlig', 'resenar-', 'Resenär', 'beklagar', 'tittar', 'Förlåt'];
    const fetchFile = (format: string) =>
      request(app.server)
        .get(`/api/v1/reports/monthly?month=2026-12&contract=UL-STAD-2019&format=${format}`)
        .set(as(tokens.ul))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
    const unzip = (zip: Buffer) =>
      new Promise<Map<string, string>>((resolve, reject) => {
        const files = new Map<string, string>();
        yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
          if (error || !archive) return reject(error ?? new Error('no zip'));
          archive.on('entry', (entry: yauzl.Entry) => {
            archive.openReadStream(entry, (streamError, stream) => {
              if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
              const chunks: Buffer[] = [];
              stream.on('data', (chunk: Buffer) => chunks.push(chunk));
              stream.on('end', () => {
                files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
                archive.readEntry();
              });
            });
          });
          archive.on('end', () => resolve(files));
          archive.readEntry();
        });
      });
    const expectNoPersonalData = (text: string) => {
      for (const word of personal) expect(text).not.toContain(word);
    };

    it('JSON', () => {
      expectNoPersonalData(JSON.stringify(december));
    });

    it('CSV: a zip of UTF-8 files with BOM, one per table', async () => {
      const response = await fetchFile('csv');
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toContain('monthly-2026-12-UL-STAD-2019.zip');
      const files = await unzip(response.body as Buffer);
      expect([...files.keys()]).toEqual(expect.arrayContaining(['counts-by-category.csv']));
      const categories = files.get('counts-by-category.csv') ?? '';
      expect(categories.startsWith('\uFEFF')).toBe(true);
      expect(categories).toContain('Bemötande;3;1');
      for (const text of files.values()) expectNoPersonalData(text);
    });

    it('XLSX: a sheet per table', async () => {
      const response = await fetchFile('xlsx');
      const files = await unzip(response.body as Buffer);
      const sheets = [...files.keys()].filter((name) => name.startsWith('xl/worksheets/'));
      expect(sheets.length).toBeGreaterThanOrEqual(december.tables.length);
      for (const text of files.values()) expectNoPersonalData(text);
    });

    it('HTML: a page with charts and its own strict policy', async () => {
      const response = await fetchFile('html');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
      const html = (response.body as Buffer).toString('utf8');
      expect(html).toContain('<svg');
      expect(html).toContain('Stadstrafik Uppsala');
      expect(html).not.toContain('<script');
      expectNoPersonalData(html);
    });

    it('PDF', async () => {
      const response = await fetchFile('pdf');
      expect(response.headers['content-type']).toBe('application/pdf');
      expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfPageTexts(response.body as Buffer).join('\n');
      expect(text).toContain('Bemötande');
      expectNoPersonalData(text);
    });
  });
});
