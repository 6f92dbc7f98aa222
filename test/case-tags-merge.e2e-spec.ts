import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { CasesService } from '../src/cases/cases.service';
import { loadDemoArea } from './support/demo-area';
import { actionTokenOf, caseDesk } from './support/case-desk';
import type { Browser } from './support/case-desk';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, FrozenClock, TestApp } from './support/test-app';

/** Tags, shared notes, saved replies, merging duplicates and a reopen's clock, through page and API. */
describe('tagging, merging and the rest of a case handler’s tools', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  let gub: Browser;
  let ul: Browser;
  let nobina: Browser;
  // Monday 7 December 2026, 10:00 in Stockholm: office hours.
  const clock = new FrozenClock(new Date('2026-12-07T09:00:00Z'));

  beforeAll(async () => {
    smtp = new SmtpSink();
    app = await createTestApp(
      { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000', SMTP_URL: await smtp.start() },
      { clock },
    );
    await loadDemoArea(app);
    gub = await browserOf('GUB');
    ul = await browserOf('UL');
    nobina = await browserOf('NOBINA');
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  const { browserOf, gubCase, page, act, eventsOf } = caseDesk(() => app);
  const marker = () => `märke${randomBytes(4).toString('hex')}`;

  const row = async (reference: string) => {
    const [found] = await app.dataSource.query<
      {
        id: string;
        status: string;
        promises: string[];
        focus_areas: string[];
        root_causes: string[];
        outcome: string | null;
        merged_into_case_id: string | null;
      }[]
    >(
      `SELECT id, status, promises, focus_areas, root_causes, outcome, merged_into_case_id
         FROM cases WHERE reference = $1`,
      [reference],
    );
    return found;
  };

  /** Posts a form body as a browser sends it: repeated fields for a list. */
  const postForm = async (who: Browser, reference: string, action: string, body: string) => {
    const csrf = actionTokenOf((await page(who, reference)).text);
    return request(app.server)
      .post(`/inbox/cases/${reference}/${action}?lang=sv`)
      .set('Cookie', who.cookie)
      .type('form')
      .send(`csrf=${encodeURIComponent(csrf)}&${body}`);
  };

  it("tags a new case with its category's promises and focus areas, which a handler adjusts", async () => {
    const reference = await gubCase({ email: `${marker()}@example.se` });
    // staff-treatment: the demo area's defaults.
    expect(await row(reference)).toMatchObject({
      promises: ['staff-treatment'],
      focus_areas: ['staff-treatment'],
      root_causes: [],
    });
    const before = await page(gub, reference);
    expect(before.text).toContain('Kundlöften, fokusområden och grundorsaker');
    expect(before.text).toMatch(/value="staff-treatment" checked/);

    // The form sends every list; an empty hidden field stands for "none checked".
    await postForm(
      gub,
      reference,
      'tags',
      'promises=&promises=staff-treatment&promises=safety-service-on-board' +
        '&focusAreas=&rootCauses=&rootCauses=staff-conduct',
    ).then((response) => expect(response.status).toBe(303));
    expect(await row(reference)).toMatchObject({
      promises: ['staff-treatment', 'safety-service-on-board'],
      focus_areas: [],
      root_causes: ['staff-conduct'],
    });
    const tagged = (await eventsOf(reference)).find((event) => event.type === 'tags-set');
    expect(tagged?.data).toEqual({
      before: { promises: ['staff-treatment'], focusAreas: ['staff-treatment'], rootCauses: [] },
      after: {
        promises: ['staff-treatment', 'safety-service-on-board'],
        focusAreas: [],
        rootCauses: ['staff-conduct'],
      },
    });
    const after = (await page(gub, reference)).text;
    expect(after).toContain('Personalens agerande');

    // The inbox finds it by promise, and no longer by the focus area it lost.
    const list = (filter: string) =>
      request(app.server)
        .get(`/api/v1/inbox?${filter}`)
        .set('Cookie', gub.cookie)
        .expect(200)
        .then((response) =>
          (response.body as { cases: { reference: string }[] }).cases.map((r) => r.reference),
        );
    expect(await list('promise=safety-service-on-board')).toContain(reference);
    expect(await list('focusArea=staff-treatment')).not.toContain(reference);
  });

  it('refuses unknown codes, no lists at all and an unchanged set, changing nothing', async () => {
    const reference = await gubCase({ email: `${marker()}@example.se` });
    const api = (body: unknown) =>
      request(app.server)
        .post(`/api/v1/cases/${reference}/tags`)
        .set('Cookie', gub.cookie)
        .send(body as object);
    const unknown = await api({ rootCauses: ['free-coffee'], promises: 'wifi' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'rootCauses', reason: "free-coffee not in the area's taxonomy" },
    ]);
    const badShape = await api({ focusAreas: [1, 2] });
    expect(badShape.status).toBe(400);
    expect(badShape.body.errors).toEqual([
      { field: 'focusAreas', reason: 'must be a list of codes' },
    ]);
    expect((await api({})).status).toBe(400);
    const same = await api({ promises: ['staff-treatment'] });
    expect(same.status).toBe(409);
    expect(await row(reference)).toMatchObject({ promises: ['staff-treatment'], root_causes: [] });
    expect((await eventsOf(reference)).some((event) => event.type === 'tags-set')).toBe(false);
  });

  it('shares a note with the partner only when asked to', async () => {
    const reference = await gubCase({ email: `${marker()}@example.se` });
    const secret = `privat ${marker()}`;
    const shared = `delad ${marker()}`;
    await act(gub, reference, 'note', { body: secret });
    await act(gub, reference, 'note', { body: shared, shared: 'true' });
    const authority = (await page(ul, reference)).text;
    expect(authority).toContain(shared);
    expect(authority).toContain('delad av Gamla Uppsala Buss AB');
    expect(authority).not.toContain(secret);
    const own = (await page(gub, reference)).text;
    expect(own).toContain(secret);
    expect(own).toContain(shared);
    // An operator that never held the case sees neither.
    await page(nobina, reference, 404);
  });

  it("fills the reply with a saved reply in the traveller's language, for its organisations only", async () => {
    const reference = await gubCase({ email: `${marker()}@example.se` });
    const offered = (await page(gub, reference)).text;
    expect(offered).toContain('Tack, vi utreder');
    // GUB's own reply to drivers; the authority does not have it.
    expect(offered).toContain('Återkoppling till förare');
    expect((await page(ul, reference)).text).not.toContain('Återkoppling till förare');

    const filled = await request(app.server)
      .get(`/inbox/cases/${reference}?lang=sv&savedReply=thanks-looking-into-it`)
      .set('Cookie', gub.cookie)
      .expect(200);
    expect(filled.text).toContain(
      `Tack för att du hörde av dig om ärende ${reference}. Vi utreder vad som hände`,
    );
    const wrong = await request(app.server)
      .get(`/inbox/cases/${reference}?lang=sv&savedReply=driver-feedback`)
      .set('Cookie', ul.cookie)
      .expect(400);
    expect(wrong.text).toContain('savedReply: is not a saved reply for this case');
  });

  it('merges a duplicate into an open case, closing it with a link both ways', async () => {
    const word = marker();
    const original = await gubCase({ email: `${marker()}@example.se` }, word);
    const duplicate = await gubCase({ email: `${marker()}@example.se` }, word);

    const merged = await request(app.server)
      .post(`/api/v1/cases/${duplicate}/merge`)
      .set('Cookie', gub.cookie)
      .send({ into: original })
      .expect(200);
    expect(merged.body).toEqual({ reference: duplicate, action: 'merge', status: 'closed' });
    const [dup, orig] = [await row(duplicate), await row(original)];
    expect(dup).toMatchObject({ status: 'closed', merged_into_case_id: orig.id });
    expect(orig.status).toBe('new');
    expect((await eventsOf(duplicate)).find((e) => e.type === 'merged-into')?.data).toMatchObject({
      into: original,
      after: { status: 'closed', mergedInto: original },
    });
    expect((await eventsOf(original)).find((e) => e.type === 'merged-from')?.data).toEqual({
      from: duplicate,
    });
    expect((await page(gub, original)).text).toContain(`href="/inbox/cases/${duplicate}?`);
    expect((await page(gub, duplicate)).text).toContain('Dubblett av');

    // The duplicate's traveller writes again after the original was resolved: the message
    // stays in the duplicate's thread, and the original reopens to be read.
    await act(gub, original, 'resolve', { outcome: 'answered' });
    await app.dataSource.transaction((manager) =>
      app.app.get(CasesService).addInboundMessage(manager, dup.id, {
        channel: 'email',
        body: 'Och en sak till',
        providerRef: `email:<${marker()}@example.se>`,
      }),
    );
    expect((await row(duplicate)).status).toBe('closed');
    expect((await row(original)).status).toBe('open');
    expect((await eventsOf(original)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['duplicate-message', 'reopened']),
    );

    // A duplicate is not reopened; nor merged again; nor can a case be merged into it.
    await act(gub, duplicate, 'reopen', {}, 409);
    const third = await gubCase({ email: `${marker()}@example.se` });
    await act(gub, third, 'merge', { into: duplicate }, 409);
    await act(gub, third, 'merge', { into: third }, 400);
    await act(gub, third, 'merge', { into: 'SP-2026-999999' }, 400);
    await act(gub, third, 'merge', { into: 'nonsense' }, 400);
    expect((await row(third)).status).toBe('new');
  });

  it('merges only into a case the handler can work; the authority across parties', async () => {
    const operatorCase = await gubCase({ email: `${marker()}@example.se` });
    // Fares without a line: the authority's own case, unknown to an operator.
    const authorityCase = async () =>
      request(app.server)
        .post('/api/v1/cases')
        .send({
          kind: 'complaint',
          language: 'sv',
          category: 'fares-tickets',
          description: 'Biljetten fungerade inte',
          contact: { email: `${marker()}@example.se` },
        })
        .expect(201)
        .then((response) => (response.body as { reference: string }).reference);
    const theirs = await authorityCase();
    const fromOperator = await request(app.server)
      .post(`/api/v1/cases/${operatorCase}/merge`)
      .set('Cookie', gub.cookie)
      .send({ into: theirs })
      .expect(400);
    expect(fromOperator.body.errors).toEqual([
      { field: 'into', reason: 'is not a case you can work' },
    ]);
    expect((await row(operatorCase)).status).toBe('new');
    expect((await row(theirs)).status).toBe('new');

    const byAuthority = await request(app.server)
      .post(`/api/v1/cases/${await authorityCase()}/merge`)
      .set('Cookie', ul.cookie)
      .send({ into: operatorCase })
      .expect(200);
    expect(byAuthority.body.status).toBe('closed');
  });

  it('stores the outcome, and a reopen clears it and runs the resolution clock again', async () => {
    const reference = await gubCase({ email: `${marker()}@example.se` });
    await act(gub, reference, 'resolve', { outcome: 'partly-upheld' });
    expect(await row(reference)).toMatchObject({ status: 'resolved', outcome: 'partly-upheld' });
    const list = await request(app.server)
      .get('/inbox?view=closed&lang=sv')
      .set('Cookie', gub.cookie)
      .expect(200);
    expect(list.text).toContain('Löst · Delvis befogad');

    const resolution = () =>
      app.dataSource
        .query<{ met_at: Date | null; due_at: Date; started_at: Date }[]>(
          `SELECT k.met_at, k.due_at, k.started_at FROM case_clocks k JOIN cases c ON c.id = k.case_id
            WHERE c.reference = $1 AND k.kind = 'resolution'`,
          [reference],
        )
        .then(([clockRow]) => clockRow);
    const resolved = await resolution();
    expect(resolved.met_at).not.toBeNull();

    // Three hours later the handler reopens it: ten business days from then.
    clock.set(new Date('2026-12-07T12:00:00Z'));
    try {
      await act(gub, reference, 'reopen');
      expect(await row(reference)).toMatchObject({ status: 'open', outcome: null });
      const reopened = await resolution();
      expect(reopened.met_at).toBeNull();
      expect(reopened.started_at.toISOString()).toBe('2026-12-07T12:00:00.000Z');
      expect(reopened.due_at.getTime()).toBeGreaterThan(resolved.due_at.getTime());
      const event = (await eventsOf(reference)).find((e) => e.type === 'reopened');
      expect(event?.data).toEqual({
        before: { status: 'resolved', outcome: 'partly-upheld' },
        after: { status: 'open', outcome: null },
      });
    } finally {
      clock.set(new Date('2026-12-07T09:00:00Z'));
    }
  });
});
