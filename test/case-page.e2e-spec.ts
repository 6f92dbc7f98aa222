import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { loadDemoArea } from './support/demo-area';
import { FakeTwilio } from './support/fake-twilio';
import { actionTokenOf, caseDesk } from './support/case-desk';
import type { Browser } from './support/case-desk';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, eventually, TestApp } from './support/test-app';

describe('the case page and its actions', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  let twilio: FakeTwilio;
  let gub: Browser;
  let gubForum: Browser;
  let ul: Browser;
  let nobina: Browser;

  beforeAll(async () => {
    smtp = new SmtpSink();
    twilio = new FakeTwilio();
    app = await createTestApp({
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      TWILIO_ACCOUNT_SID: `AC${'3'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'test-auth-token',
      TWILIO_FROM: '+46700000000',
      TWILIO_API_URL: await twilio.start(),
      SMTP_URL: await smtp.start(),
    });
    await loadDemoArea(app);
    gub = await browserOf('GUB');
    gubForum = await browserOf('GUB', 'forum');
    ul = await browserOf('UL');
    nobina = await browserOf('NOBINA');
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await smtp.stop();
    await twilio.stop();
  });

  const { browserOf, tokenFor, gubCase, page, act, caseRow, eventsOf, clockMet } = caseDesk(
    () => app,
  );
  const marker = () => `märke${randomBytes(4).toString('hex')}`;

  it('lets a GUB handler open, claim, answer by e-mail, note, resolve and reopen a case', async () => {
    const word = marker();
    const email = `resenar-${word}@example.se`;
    const reference = await gubCase({ email, name: 'Rut Resenär' }, word);

    const opened = await page(gub, reference);
    expect(opened.text).toContain(`Otrevlig förare ${word}`);
    expect(opened.text).toContain(email);
    expect(opened.text).toContain('Rut Resenär');
    expect(opened.text).toContain('Gamla Uppsala Buss AB');
    expect(opened.text).toContain('Första svar');
    // Strict CSP: nothing inline (the inbox's one script is a file of its own).
    expect(opened.text).not.toMatch(/<script(?![^>]*\ssrc=)|style=/);

    await act(gub, reference, 'claim');
    expect((await caseRow(reference)).assigned_user_id).toBe(gub.userId);

    await act(gub, reference, 'reply', { body: `Vi beklagar ${word}. Föraren har fått veta.` });
    const mail = await eventually(
      () => Promise.resolve(smtp.received.find((m) => m.text.includes(`Vi beklagar ${word}`))),
      { what: 'the reply e-mail' },
    );
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toContain(reference);
    expect(mail.inReplyTo).toBe(`<${reference}@localhost>`);
    expect(await clockMet(reference, 'first-response')).not.toBeNull();
    expect((await caseRow(reference)).status).toBe('open');
    const thread = await eventually(
      async () => {
        const text = (await page(gub, reference)).text;
        return text.includes('skickat') && text.includes(`Vi beklagar ${word}`) ? text : null;
      },
      { what: 'the reply shown as sent' },
    );
    expect(thread).toContain('Till resenären – Svar');

    await act(gub, reference, 'note', { body: `Intern anteckning ${word}` });
    expect((await page(gub, reference)).text).toContain(`Intern anteckning ${word}`);
    const seenByUl = (await page(ul, reference)).text;
    expect(seenByUl).toContain(`Otrevlig förare ${word}`);
    expect(seenByUl).not.toContain(`Intern anteckning ${word}`);

    await act(gub, reference, 'category', { category: 'punctuality' });
    expect((await caseRow(reference)).category).toBe('punctuality');

    await act(gub, reference, 'resolve', { outcome: 'upheld', note: 'Åtgärdat' });
    expect((await caseRow(reference)).status).toBe('resolved');
    expect(await clockMet(reference, 'resolution')).not.toBeNull();

    // Resolving again is refused: 409 on the page and in the API, and nothing changes.
    const csrf = actionTokenOf((await page(gub, reference)).text);
    const again = await request(app.server)
      .post(`/inbox/cases/${reference}/resolve?lang=sv`)
      .set('Cookie', gub.cookie)
      .type('form')
      .send({ csrf, outcome: 'rejected' })
      .expect(409);
    expect(again.text).toContain('Åtgärden kunde inte utföras');
    const problem = await request(app.server)
      .post(`/api/v1/cases/${reference}/resolve`)
      .set('Cookie', gub.cookie)
      .send({ outcome: 'rejected' })
      .expect(409);
    expect(problem.body).toMatchObject({ code: 'inbox.already-resolved' });

    await act(gub, reference, 'reopen');
    expect((await caseRow(reference)).status).toBe('open');

    const events = await eventsOf(reference);
    const ours = events.filter((event) => event.actor === gub.userId);
    expect(ours.map((event) => event.type)).toEqual([
      'claimed',
      'replied',
      'note-added',
      'category-set',
      'resolved',
      'reopened',
    ]);
    for (const event of ours.filter((e) => e.type !== 'note-added'))
      expect(event.data).toEqual(
        expect.objectContaining({ before: expect.anything(), after: expect.anything() }),
      );
    expect(ours.find((e) => e.type === 'resolved')?.data).toMatchObject({
      outcome: 'upheld',
      before: { status: 'open' },
      after: { status: 'resolved' },
    });
    // The audit trail, shown on the page, never carries the note's text.
    expect(JSON.stringify(events)).not.toContain(`Intern anteckning ${word}`);
    const history = (await page(gub, reference)).text;
    expect(history).toContain('reopened');
    expect(history).toContain('status: resolved → open');
  });

  it('answers a traveller by SMS on an SMS case and asks for more', async () => {
    const phone = '+46701740655';
    const word = marker();
    const reference = await gubCase({ phone });
    await act(gub, reference, 'reply', { body: `Tack för ditt SMS ${word}` });
    const sms = await eventually(
      () => Promise.resolve(twilio.sent.find((s) => s.body.includes(`Tack för ditt SMS ${word}`))),
      { what: 'the reply SMS' },
    );
    expect(sms.to).toBe(phone);

    // Longer than three SMS parts: refused before anything is queued.
    const before = await app.dataSource.query<unknown[]>(
      'SELECT id FROM outbound_messages WHERE recipient = $1',
      [phone],
    );
    const long = await act(gub, reference, 'reply', { body: 'x'.repeat(1601) }, 400);
    expect(long.text).toContain('at most 1600');
    const after = await app.dataSource.query<unknown[]>(
      'SELECT id FROM outbound_messages WHERE recipient = $1',
      [phone],
    );
    expect(after).toHaveLength(before.length);

    await act(gub, reference, 'ask', { body: `Vilken tid var det? ${word}` });
    expect((await caseRow(reference)).status).toBe('waiting-for-traveller');
  });

  it('refuses a reply to a traveller who left no contact details', async () => {
    const reference = await gubCase({});
    const refused = await request(app.server)
      .post(`/api/v1/cases/${reference}/reply`)
      .set('Cookie', gub.cookie)
      .send({ body: 'Hej' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'inbox.no-contact' });
    expect((await eventsOf(reference)).map((e) => e.type)).not.toContain('replied');
  });

  it('transfers a case to NOBINA: GUB keeps only the summary, NOBINA sees it in full', async () => {
    const word = marker();
    const reference = await gubCase({ email: `t-${word}@example.se` }, word);
    await act(gub, reference, 'claim');
    const self = await act(gub, reference, 'transfer', { reason: 'other', to: 'GUB' }, 400);
    expect(self.text).toContain('Åtgärden kunde inte utföras');

    await act(gub, reference, 'transfer', { reason: 'not-our-operator', to: 'NOBINA' });
    const summary = (await page(gub, reference)).text;
    expect(summary).toContain('Överlämnat ärende');
    expect(summary).toContain('Nobina Sverige AB');
    expect(summary).not.toContain(word);
    expect(summary).not.toContain(`t-${word}@example.se`);
    const json = await request(app.server)
      .get(`/api/v1/inbox/cases/${reference}`)
      .set('Cookie', gub.cookie)
      .expect(200);
    expect(json.body).toEqual({
      access: 'transferred',
      reference,
      transferredAt: expect.any(String),
      transferredTo: { code: 'NOBINA', name: 'Nobina Sverige AB' },
      reason: 'not-our-operator',
    });
    // GUB may no longer act on it.
    await request(app.server)
      .post(`/api/v1/cases/${reference}/claim`)
      .set('Cookie', gub.cookie)
      .expect(404);

    const full = (await page(nobina, reference)).text;
    expect(full).toContain(`Otrevlig förare ${word}`);
    const row = await caseRow(reference);
    expect(row.assigned_user_id).toBeNull();
    const transferred = (await eventsOf(reference)).find((e) => e.type === 'transferred');
    expect(transferred).toMatchObject({ actor: gub.userId, data: { reason: 'not-our-operator' } });
    await act(nobina, reference, 'claim');
  });

  it("gives another operator's handler 404 for the page and every action, changing nothing", async () => {
    const word = marker();
    const reference = await gubCase({ email: `n-${word}@example.se` }, word);
    await page(nobina, reference, 404);
    const bodies: Record<string, Record<string, string>> = {
      claim: {},
      assign: { userId: nobina.userId },
      reply: { body: 'Hej' },
      ask: { body: 'Hej?' },
      note: { body: 'Min anteckning' },
      transfer: { reason: 'other' },
      category: { category: 'punctuality' },
      resolve: { outcome: 'rejected' },
      reopen: {},
    };
    for (const [action, body] of Object.entries(bodies)) {
      const response = await request(app.server)
        .post(`/api/v1/cases/${reference}/${action}`)
        .set('Cookie', nobina.cookie)
        .send(body);
      expect({ action, status: response.status }).toEqual({ action, status: 404 });
      // The page's form too, with a valid token of NOBINA's own browser.
      const form = await request(app.server)
        .post(`/inbox/cases/${reference}/${action}`)
        .set('Cookie', nobina.cookie)
        .type('form')
        .send({ csrf: tokenFor(nobina), ...body });
      expect({ action, status: form.status }).toEqual({ action, status: 404 });
    }
    const row = await caseRow(reference);
    expect(row).toMatchObject({
      status: 'new',
      assigned_user_id: null,
      category: 'staff-treatment',
    });
    expect((await eventsOf(reference)).map((e) => e.type).sort()).toEqual(['created', 'routed']);
  });

  it('lets a supervisor assign a case to a colleague, and no one else', async () => {
    const supervisor = await browserOf('GUB', 'supervisor');
    const reference = await gubCase({ email: 'assign@example.se' });
    const refused = await request(app.server)
      .post(`/api/v1/cases/${reference}/assign`)
      .set('Cookie', gub.cookie)
      .send({ userId: gub.userId })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'inbox.supervisors-only' });
    const stranger = await request(app.server)
      .post(`/api/v1/cases/${reference}/assign`)
      .set('Cookie', supervisor.cookie)
      .send({ userId: nobina.userId })
      .expect(400);
    expect(stranger.body).toMatchObject({ errors: [{ field: 'userId' }] });

    const form = (await page(supervisor, reference)).text;
    expect(form).toContain(`value="${gub.userId}"`);
    expect(form).not.toContain(`value="${nobina.userId}"`);
    await act(supervisor, reference, 'assign', { userId: gub.userId });
    expect((await caseRow(reference)).assigned_user_id).toBe(gub.userId);
    const [event] = (await eventsOf(reference)).filter((e) => e.type === 'assigned');
    expect(event).toMatchObject({
      actor: supervisor.userId,
      data: { before: { assignedUserId: null }, after: { assignedUserId: gub.userId } },
    });
  });

  it('serves the page in English under a strict CSP, and JSON for integrations', async () => {
    const reference = await gubCase({ email: 'english@example.se' });
    const english = await request(app.server)
      .get(`/inbox/cases/${reference}?lang=en`)
      .set('Cookie', gub.cookie)
      .expect(200);
    expect(english.text).toContain(`Case ${reference}`);
    expect(english.text).toContain('Contact details');
    const csp = String(english.headers['content-security-policy']);
    // No script of ours is inline, and no inline script would run.
    expect(csp.split(';')).toContain("script-src 'self'");
    const json = await request(app.server)
      .get(`/api/v1/inbox/cases/${reference}`)
      .set('Cookie', gub.cookie)
      .expect(200);
    expect(json.body).toMatchObject({
      access: 'full',
      reference,
      status: 'new',
      contact: { email: 'english@example.se' },
      clocks: expect.arrayContaining([
        expect.objectContaining({ kind: 'first-response', state: 'running' }),
      ]),
    });
    await request(app.server)
      .get(`/api/v1/inbox/cases/${reference}`)
      .set('Cookie', nobina.cookie)
      .expect(404);
  });

  it('refuses a forged CSRF token with 403 and changes nothing', async () => {
    const reference = await gubCase({ email: 'csrf@example.se' });
    await request(app.server)
      .post(`/inbox/cases/${reference}/claim`)
      .set('Cookie', gub.cookie)
      .type('form')
      .send({ csrf: 'lx0abc.forged' })
      .expect(403);
    await request(app.server)
      .post(`/inbox/cases/${reference}/claim`)
      .set('Cookie', gub.cookie)
      .type('form')
      .send({})
      .expect(403);
    expect((await caseRow(reference)).assigned_user_id).toBeNull();
  });

  it('lets a forum member read a case but not act on it', async () => {
    const reference = await gubCase({ email: 'forum@example.se' });
    const read = (await page(gubForum, reference)).text;
    expect(read).toContain('Du kan läsa ärendet men inte handlägga det.');
    await request(app.server)
      .post(`/api/v1/cases/${reference}/claim`)
      .set('Cookie', gubForum.cookie)
      .expect(403);
    await request(app.server)
      .post(`/api/v1/cases/${reference}/note`)
      .set('Cookie', gubForum.cookie)
      .send({ body: 'Hej' })
      .expect(403);
    const refused = await request(app.server)
      .post(`/inbox/cases/${reference}/claim?lang=sv`)
      .set('Cookie', gubForum.cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send({ csrf: tokenFor(gubForum) })
      .expect(403);
    // A page that says what happened, not that the form could not be read.
    expect(refused.text).toContain('Det får du inte göra');
    expect((await caseRow(reference)).assigned_user_id).toBeNull();
  });
});
