import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { TransfersService } from '../src/cases/transfers.service';
import { loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, TestApp } from './support/test-app';

interface Row {
  access: 'full' | 'transferred';
  reference: string;
  responsibleOrganisation?: { code: string } | null;
  contract?: string | null;
  transferredTo?: { code: string };
  reason?: string;
  firstResponseOverdue?: boolean;
  assignedTo?: string | null;
}
interface Page {
  cases: Row[];
  next: string | null;
}

/** Today's date in the area's time zone, and the day before. */
function localDays(): { today: string; yesterday: string } {
  const day = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(at);
  return { today: day(new Date()), yesterday: day(new Date(Date.now() - 86_400_000)) };
}

describe('the inbox list', () => {
  let app: TestApp;
  let ul: string;
  let gub: string;
  let gubUserId: string;

  beforeAll(async () => {
    app = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' });
    await loadDemoArea(app);
    ul = (await signIn(app.server, await newUser(app, { organisationCode: 'UL' }))).cookie;
    const gubEmail = await newUser(app, { organisationCode: 'GUB', name: 'Gustav GUB' });
    gub = (await signIn(app.server, gubEmail)).cookie;
    const [user] = await app.dataSource.query<{ id: string }[]>(
      'SELECT id FROM users WHERE email = $1',
      [gubEmail],
    );
    gubUserId = user.id;
  });

  afterAll(async () => {
    await app.close();
  });

  /** A word no other test's cases carry, so each test lists only its own cases. */
  const marker = () => `märke${randomBytes(4).toString('hex')}`;

  const report = async (body: Record<string, unknown>): Promise<string> => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'complaint', language: 'sv', occurredAt: '2021-10-05T08:00:00+02:00', ...body })
      .expect(201);
    return (response.body as { reference: string }).reference;
  };
  /** Line 4 is Gamla Uppsala Buss's (UL-STAD-2019); fares on any line are the authority's. */
  const gubCase = (word: string, extra: Record<string, unknown> = {}) =>
    report({
      category: 'staff-treatment',
      line: '4',
      description: `Otrevlig förare ${word}`,
      ...extra,
    });
  const ulCase = (word: string, extra: Record<string, unknown> = {}) =>
    report({ category: 'fares-tickets', line: '4', description: `Biljetten ${word}`, ...extra });

  const list = async (cookie: string, query: Record<string, string>): Promise<Page> =>
    (await request(app.server).get('/api/v1/inbox').query(query).set('Cookie', cookie).expect(200))
      .body as Page;
  const references = async (cookie: string, query: Record<string, string>) =>
    (await list(cookie, query)).cases.map((row) => row.reference).sort();

  const setCase = (reference: string, sql: string, values: unknown[] = []) =>
    app.dataSource.query(`UPDATE cases SET ${sql} WHERE reference = $1`, [reference, ...values]);
  const setClock = (reference: string, kind: string, dueAt: Date) =>
    app.dataSource.query(
      `UPDATE case_clocks SET due_at = $2, met_at = NULL, breached_at = NULL
        WHERE kind = $3 AND case_id = (SELECT id FROM cases WHERE reference = $1)`,
      [reference, dueAt, kind],
    );

  it('shows an operator its own cases only, and the authority every case', async () => {
    const word = marker();
    const ours = await gubCase(word);
    const authoritys = await ulCase(word);
    const nobinas = await ulCase(word);
    await app.app.get(TransfersService).transfer(nobinas, {
      reason: 'not-our-operator',
      toOrganisationCode: 'NOBINA',
      actor: 'test',
    });

    const gubPage = await list(gub, { q: word });
    expect(gubPage.cases.map((row) => row.reference)).toEqual([ours]);
    expect(gubPage.cases[0]).toMatchObject({
      access: 'full',
      responsibleOrganisation: { code: 'GUB' },
      contract: 'UL-STAD-2019',
    });
    expect(await references(ul, { q: word })).toEqual([ours, authoritys, nobinas].sort());
  });

  it('shows a case transferred away only as transferred, without the traveller', async () => {
    const word = marker();
    const reference = await gubCase(word, {
      contact: { name: 'Tora Resenär', email: 'tora@example.com' },
      replyChannel: 'email',
    });
    await app.app
      .get(TransfersService)
      .transfer(reference, { reason: 'not-our-line', toOrganisationCode: 'NOBINA', actor: 'test' });

    expect(await references(gub, { q: word })).toEqual([]);
    const transferred = await list(gub, { view: 'transferred', q: word });
    expect(transferred.cases).toEqual([
      {
        access: 'transferred',
        reference,
        transferredAt: expect.any(String) as string,
        transferredTo: { code: 'NOBINA', name: expect.any(String) as string },
        reason: 'not-our-line',
      },
    ]);
    const page = await request(app.server)
      .get('/inbox')
      .query({ view: 'transferred', q: word, lang: 'en' })
      .set('Cookie', gub)
      .expect(200);
    expect(page.text).toContain(reference);
    expect(page.text).toContain('Not our line');
    expect(page.text).not.toMatch(/Tora|tora@example|Otrevlig/);
    // The authority still sees it in full.
    expect((await list(ul, { q: word })).cases[0]).toMatchObject({ access: 'full', reference });
  });

  it('lists each view and filter with the right cases', async () => {
    const word = marker();
    const [assigned, waiting, closed, dueSoon, overdue, question] = await Promise.all([
      gubCase(word),
      gubCase(word),
      gubCase(word),
      gubCase(word),
      gubCase(word),
      gubCase(word, { kind: 'question', category: 'vehicle-cleanliness' }),
    ]);
    await setCase(assigned, 'assigned_user_id = $2', [gubUserId]);
    await setCase(waiting, "status = 'waiting-for-traveller'");
    await setCase(closed, "status = 'closed'");
    const hour = 3_600_000;
    for (const reference of [assigned, waiting, closed, dueSoon, overdue, question]) {
      await setClock(reference, 'first-response', new Date(Date.now() + 100 * hour));
      await setClock(reference, 'resolution', new Date(Date.now() + 200 * hour));
    }
    await setClock(dueSoon, 'resolution', new Date(Date.now() + 2 * hour));
    await setClock(overdue, 'first-response', new Date(Date.now() - hour));

    const view = (name: string, extra: Record<string, string> = {}) =>
      references(gub, { view: name, q: word, ...extra });
    const open = [assigned, waiting, dueSoon, overdue, question].sort();
    expect(await view('open')).toEqual(open);
    expect(await references(gub, { q: word })).toEqual(open);
    expect(await view('mine')).toEqual([assigned]);
    expect(await view('unassigned')).toEqual(open.filter((r) => r !== assigned));
    expect(await view('waiting')).toEqual([waiting]);
    expect(await view('closed')).toEqual([closed]);
    expect(await view('due-soon')).toEqual([dueSoon]);
    expect(await view('overdue')).toEqual([overdue]);
    const overdueRow = (await list(gub, { view: 'overdue', q: word })).cases[0];
    expect(overdueRow).toMatchObject({ firstResponseOverdue: true });
    expect((await list(gub, { view: 'mine', q: word })).cases[0].assignedTo).toBe('Gustav GUB');

    expect(await view('open', { kind: 'question' })).toEqual([question]);
    expect(await view('open', { category: 'vehicle-cleanliness' })).toEqual([question]);
    expect(await view('open', { line: '4' })).toEqual(open);
    expect(await view('open', { line: '5' })).toEqual([]);
    expect(await view('open', { contract: 'UL-STAD-2019' })).toEqual(open);
    expect(await view('open', { channel: 'api' })).toEqual(open);
    expect(await view('open', { channel: 'sms' })).toEqual([]);
    const { today, yesterday } = localDays();
    expect(await view('open', { from: today, to: today })).toEqual(open);
    expect(await view('open', { to: yesterday })).toEqual([]);
  });

  it("gives an operator nothing of another operator's contract", async () => {
    const word = marker();
    await gubCase(word);
    const elsewhere = await ulCase(word);
    await app.app.get(TransfersService).transfer(elsewhere, {
      reason: 'not-our-operator',
      toOrganisationCode: 'NOBINA',
      actor: 'test',
    });
    await setCase(
      elsewhere,
      "contract_id = (SELECT id FROM contracts WHERE code = 'UL-REGION-SYD-2020')",
    );
    expect(await references(ul, { q: word, contract: 'UL-REGION-SYD-2020' })).toEqual([elsewhere]);
    expect(await references(gub, { contract: 'UL-REGION-SYD-2020' })).toEqual([]);
  });

  it('finds Swedish inflections of a word in the description', async () => {
    const word = marker();
    const reference = await gubCase(word, { description: `Många förseningar i dag ${word}` });
    expect(await references(gub, { q: `försening ${word}` })).toEqual([reference]);
    expect(await references(gub, { q: `förseningen ${word}` })).toEqual([reference]);
    expect(await references(gub, { q: `biljett ${word}` })).toEqual([]);
  });

  it('pages through more than 50 cases newest first with a cursor', async () => {
    const word = marker();
    const made: string[] = [];
    for (let i = 0; i < 55; i += 1) made.push(await gubCase(word));
    const first = await list(gub, { q: word });
    expect(first.cases).toHaveLength(50);
    expect(first.next).toEqual(expect.any(String));
    const second = await list(gub, { q: word, after: first.next! });
    expect(second.cases).toHaveLength(5);
    expect(second.next).toBeNull();
    const seen = [...first.cases, ...second.cases].map((row) => row.reference);
    expect(seen).toEqual([...made].reverse());

    const html = await request(app.server)
      .get('/inbox')
      .query({ q: word, lang: 'en' })
      .set('Cookie', gub)
      .expect(200);
    expect(html.text).toContain('rel="next"');
    expect(html.text).toContain(`href="/inbox/cases/${made[54]}"`);
  });

  it('renders the list page with the signed-in line and the sign-out form, in both languages', async () => {
    const word = marker();
    const reference = await gubCase(word);
    const sv = await request(app.server).get('/inbox').query({ q: word }).set('Cookie', gub);
    expect(sv.status).toBe(200);
    expect(sv.headers['cache-control']).toBe('no-store');
    expect(sv.text).toContain('Inloggad som Gustav GUB, Gamla Uppsala Buss AB');
    expect(sv.text).toContain('Logga ut');
    expect(sv.text).toContain('Bemötande');
    expect(sv.text).toContain(reference);
    // Nothing inline: the inbox's one script is a file of its own.
    expect(sv.text).not.toMatch(/<script(?![^>]*\ssrc=)|<style|\sstyle=/i);
    const en = await request(app.server)
      .get('/inbox')
      .query({ q: word, lang: 'en' })
      .set('Cookie', gub)
      .expect(200);
    expect(en.text).toContain('Treatment by staff');
    expect(en.text).toContain('Signed in as Gustav GUB');
    // The filter form as a browser submits it: every field, most of them empty.
    const form = { view: 'open', q: word, contract: '', line: '', category: '', from: '', to: '' };
    const submitted = await request(app.server)
      .get('/inbox')
      .query({ lang: 'sv', ...form, kind: '', channel: '' })
      .set('Cookie', gub)
      .expect(200);
    expect(submitted.text).toContain(reference);
    await request(app.server).get('/inbox?view=everything').set('Cookie', gub).expect(400);
  });

  it('refuses a query it does not understand, and strangers', async () => {
    const bad = await request(app.server)
      .get('/api/v1/inbox')
      .query({ view: 'everything', after: 'nonsense' })
      .set('Cookie', gub)
      .expect(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'view',
      'after',
    ]);
    const page = await request(app.server).get('/inbox?lang=en').expect(303);
    expect(page.headers.location).toBe('/inbox/sign-in?lang=en');
    await request(app.server).get('/api/v1/inbox').expect(401);
  });
});
