import { ExecutionContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { InboundEmailDisabledError } from '../src/email-inbound/email-inbound.errors';
import { InboundEmailSecretGuard } from '../src/email-inbound/inbound-email-secret.guard';
import { loadConfig } from '../src/infra/config/app-config';
import { caseDesk } from './support/case-desk';
import { loadDemoArea } from './support/demo-area';
import { createTestApp, FrozenClock, TestApp } from './support/test-app';

const SECRET = 'inbound-email-test-secret-0123456789';
const BASE_URL = 'https://synpunkt.example.se';

interface MessageRow {
  direction: string;
  channel: string;
  body: string;
  provider_ref: string | null;
}

describe('inbound e-mail replies', () => {
  // A Tuesday morning in Uppsala: every office is open.
  const clock = new FrozenClock('2026-11-24T09:00:00+01:00');
  let app: TestApp;
  const desk = caseDesk(() => app);

  beforeAll(async () => {
    app = await createTestApp(
      {
        INBOUND_EMAIL_SECRET: SECRET,
        PUBLIC_BASE_URL: BASE_URL,
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      },
      { clock },
    );
    await loadDemoArea(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const traveller = () => `resenar-${randomBytes(4).toString('hex')}@example.se`;
  const messageId = () => `<${randomBytes(8).toString('hex')}@mail.example.se>`;

  /** A case of Gamla Uppsala Buss's (line 4) that answers the traveller by e-mail. */
  const report = async (email: string): Promise<string> => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        language: 'sv',
        category: 'staff-treatment',
        line: '4',
        occurredAt: '2026-11-23T08:00:00+01:00',
        description: 'Otrevlig förare på morgonen',
        contact: { name: 'Rut Resenär', email },
        replyChannel: 'email',
      })
      .expect(201);
    return (response.body as { reference: string }).reference;
  };

  const post = (body: Record<string, unknown>, secret: string | null = SECRET) => {
    const call = request(app.server).post('/api/v1/inbound/email');
    return (secret === null ? call : call.set('Authorization', `Bearer ${secret}`)).send(body);
  };

  const reply = (email: string, fields: Record<string, unknown>) => ({
    from: `Rut Resenär <${email}>`,
    to: 'svar@synpunkt.example.se',
    subject: 'Re: ditt ärende',
    text: 'Det var vid Centralstationen strax efter åtta.',
    messageId: messageId(),
    ...fields,
  });

  const messagesOf = (reference: string) =>
    app.dataSource.query<MessageRow[]>(
      `SELECT m.direction, m.channel, m.body, m.provider_ref FROM case_messages m
         JOIN cases c ON c.id = m.case_id WHERE c.reference = $1 ORDER BY m.created_at`,
      [reference],
    );

  const openPauses = async (reference: string) => {
    const [row] = await app.dataSource.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM case_pauses p JOIN cases c ON c.id = p.case_id
        WHERE c.reference = $1 AND p.ended_at IS NULL`,
      [reference],
    );
    return row.open;
  };

  it('joins the thread by our thread id and resumes a case waiting for the traveller', async () => {
    const email = traveller();
    const reference = await report(email);
    const gub = await desk.browserOf('GUB');
    await desk.act(gub, reference, 'ask', { body: 'Vid vilken hållplats hände det?' });
    expect((await desk.caseRow(reference)).status).toBe('waiting-for-traveller');
    expect(await openPauses(reference)).toBe(1);

    clock.advance(3600_000);
    const response = await post(
      reply(email.toUpperCase(), {
        inReplyTo: `<${reference}@synpunkt.example.se>`,
        references: `<${reference}@synpunkt.example.se>`,
      }),
    ).expect(200);
    expect(response.body).toEqual({ reference, duplicate: false });

    expect(await messagesOf(reference)).toEqual([
      {
        direction: 'inbound',
        channel: 'email',
        body: 'Det var vid Centralstationen strax efter åtta.',
        provider_ref: expect.stringMatching(/^email:<.+@mail\.example\.se>$/) as string,
      },
    ]);
    expect((await desk.caseRow(reference)).status).toBe('open');
    expect(await openPauses(reference)).toBe(0);
    const events = (await desk.eventsOf(reference)).map((event) => event.type);
    expect(events).toContain('message-received');
    expect(events).not.toContain('reopened');
  });

  it("finds the case by the Message-ID of a handler's e-mail, too", async () => {
    const email = traveller();
    const reference = await report(email);
    const gub = await desk.browserOf('GUB');
    await desk.act(gub, reference, 'reply', { body: 'Vi har pratat med föraren.' });
    const [sent] = await app.dataSource.query<{ provider_ref: string }[]>(
      `SELECT o.provider_ref FROM outbound_messages o JOIN cases c ON c.id = o.case_id
        WHERE c.reference = $1 AND o.kind = 'message'`,
      [reference],
    );
    await post(reply(email, { inReplyTo: sent.provider_ref })).expect(200);
    expect(await messagesOf(reference)).toHaveLength(1);
  });

  it('finds the case by the reference in the subject when no thread id is ours', async () => {
    const email = traveller();
    const reference = await report(email);
    const response = await post(
      reply(email, {
        subject: `SV: Svar på ditt ärende ${reference.toLowerCase()}`,
        inReplyTo: '<unrelated@elsewhere.example>',
      }),
    ).expect(200);
    expect(response.body).toEqual({ reference, duplicate: false });
    expect(await messagesOf(reference)).toHaveLength(1);
  });

  it("refuses with 422 an e-mail that is not from the case's contact, or matches no case", async () => {
    const reference = await report(traveller());
    const refused = await post(
      reply(traveller(), { inReplyTo: `<${reference}@synpunkt.example.se>` }),
    ).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(refused.body)).not.toContain('@example.se');
    await post(reply(traveller(), { subject: `Re: ${reference}` })).expect(422);
    expect(await messagesOf(reference)).toEqual([]);
    expect((await desk.caseRow(reference)).status).toBe('new');

    await post(reply(traveller(), { subject: 'Hej' })).expect(422);
  });

  it('refuses a missing or wrong secret with 401 and stores nothing', async () => {
    const email = traveller();
    const reference = await report(email);
    const body = reply(email, { subject: `Re: ${reference}` });
    const missing = await post(body, null).expect(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.body).toMatchObject({ status: 401, code: 'inbound-email.unauthenticated' });
    await post(body, `${SECRET}x`).expect(401);
    await post(body, 'short').expect(401);
    await request(app.server)
      .post('/api/v1/inbound/email')
      .set('Authorization', SECRET)
      .send(body)
      .expect(401);
    expect(await messagesOf(reference)).toEqual([]);
  });

  it('stores a retried e-mail (the same Message-ID) once', async () => {
    const email = traveller();
    const reference = await report(email);
    const body = reply(email, { subject: `Re: ${reference}` });
    expect((await post(body).expect(200)).body).toEqual({ reference, duplicate: false });
    expect((await post(body).expect(200)).body).toEqual({ reference, duplicate: true });
    expect(await messagesOf(reference)).toHaveLength(1);
    const received = (await desk.eventsOf(reference)).filter(
      (event) => event.type === 'message-received',
    );
    expect(received).toHaveLength(1);
  });

  it('answers a malformed body with 400 naming the fields', async () => {
    const response = await post({
      from: 'inte en adress',
      subject: 7,
      text: '   ',
      inReplyTo: 'no brackets',
      extra: true,
    }).expect(400);
    const fields = (response.body as { errors: Array<{ field: string }> }).errors.map(
      (error) => error.field,
    );
    expect(fields.sort()).toEqual(
      ['extra', 'from', 'inReplyTo', 'messageId', 'subject', 'text', 'to'].sort(),
    );
    const tooLong = await post(reply(traveller(), { text: 'x'.repeat(20_001) })).expect(400);
    expect(tooLong.body).toMatchObject({ errors: [{ field: 'text' }] });
  });

  it('reopens a resolved case that the traveller answers', async () => {
    const email = traveller();
    const reference = await report(email);
    await app.dataSource.query(`UPDATE cases SET status = 'resolved' WHERE reference = $1`, [
      reference,
    ]);
    await post(reply(email, { inReplyTo: `<${reference}@synpunkt.example.se>` })).expect(200);
    expect((await desk.caseRow(reference)).status).toBe('open');
    const reopened = (await desk.eventsOf(reference)).filter((event) => event.type === 'reopened');
    expect(reopened).toEqual([
      {
        type: 'reopened',
        actor: 'traveller',
        data: {
          before: { status: 'resolved', outcome: null },
          after: { status: 'open', outcome: null },
        },
      },
    ]);
  });

  it('does not exist without INBOUND_EMAIL_SECRET', () => {
    const guard = new InboundEmailSecretGuard(loadConfig({}));
    expect(() => guard.canActivate({} as ExecutionContext)).toThrow(InboundEmailDisabledError);
  });
});
