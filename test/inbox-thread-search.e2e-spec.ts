import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio';
import { caseDesk } from './support/case-desk';
import { loadDemoArea } from './support/demo-area';
import { FakeTwilio } from './support/fake-twilio';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, eventually, TestApp } from './support/test-app';

const ACCOUNT_SID = `AC${'2'.repeat(32)}`;
const AUTH_TOKEN = 'thread-search-auth-token';
const BASE_URL = 'https://synpunkt.example.se';

describe('the inbox search over the thread', () => {
  let app: TestApp;
  let twilioApi: FakeTwilio;
  let admin: string;
  const desk = caseDesk(() => app);

  beforeAll(async () => {
    twilioApi = new FakeTwilio();
    app = await createTestApp({
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      PUBLIC_BASE_URL: BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: '+46700000000',
      TWILIO_API_URL: await twilioApi.start(),
    });
    await loadDemoArea(app);
    admin = (
      await signIn(app.server, await newUser(app, { organisationCode: 'UL', role: 'admin' }))
    ).cookie;
  });

  afterAll(async () => {
    await app.close();
    await twilioApi.stop();
  });

  /** A word no other case carries (letters only, so that the Swedish stemmer keeps it whole). */
  const word = () =>
    `ord${[...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;

  const search = async (q: string): Promise<string[]> => {
    const response = await request(app.server)
      .get('/api/v1/inbox')
      .query({ q, view: 'open' })
      .set('Cookie', admin)
      .expect(200);
    return (response.body as { cases: Array<{ reference: string }> }).cases.map(
      (row) => row.reference,
    );
  };

  /** Line 4 is Gamla Uppsala Buss's (UL-STAD-2019). */
  const report = async (fields: Record<string, unknown>): Promise<string> => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        language: 'sv',
        category: 'staff-treatment',
        line: '4',
        occurredAt: '2021-10-05T08:00:00+02:00',
        description: `Otrevlig förare ${word()}`,
        ...fields,
      })
      .expect(201);
    return (response.body as { reference: string }).reference;
  };

  const smsFrom = (from: string, body: string) => {
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: ACCOUNT_SID,
      From: from,
      To: '+46700000000',
      Body: body,
      NumMedia: '0',
    };
    const path = '/webhooks/twilio/sms';
    return request(app.server)
      .post(path)
      .type('form')
      .set(
        'X-Twilio-Signature',
        getExpectedTwilioSignature(AUTH_TOKEN, `${BASE_URL}${path}`, params),
      )
      .send(params)
      .expect(200);
  };

  it("finds a case by a word of the traveller's SMS or of a handler's reply, until it is anonymised", async () => {
    const digits = String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0');
    const phone = `+4670${digits}`;
    const reference = await report({ contact: { phone }, replyChannel: 'sms' });
    const { id } = await desk.caseRow(reference);

    // The automatic acknowledgement is not the thread: nothing of it is searchable.
    await eventually(
      async () =>
        (
          await app.dataSource.query<unknown[]>(
            `SELECT 1 FROM outbound_messages WHERE case_id = $1 AND kind = 'acknowledgement'`,
            [id],
          )
        ).length > 0,
      { what: 'the acknowledgement' },
    );
    const [beforeReplies] = await app.dataSource.query<{ thread_vector: string | null }[]>(
      'SELECT thread_vector FROM cases WHERE id = $1',
      [id],
    );
    expect(beforeReplies.thread_vector).toBeNull();

    const travellers = word();
    const handlers = word();
    const unrelated = word();
    expect(await search(travellers)).toEqual([]);

    await smsFrom(phone, `Jag glömde också min ${travellers} på bussen`);
    const gub = await desk.browserOf('GUB');
    await desk.act(gub, reference, 'reply', { body: `Vi har letat efter din ${handlers} nu.` });

    expect(await search(travellers)).toEqual([reference]);
    expect(await search(handlers)).toEqual([reference]);
    // A word of neither finds nothing.
    expect(await search(unrelated)).toEqual([]);

    await request(app.server)
      .post('/api/v1/privacy/erase')
      .set('Cookie', admin)
      .send({ phone })
      .expect(200);
    expect(await search(travellers)).toEqual([]);
    expect(await search(handlers)).toEqual([]);
    const [after] = await app.dataSource.query<{ thread_vector: string | null }[]>(
      'SELECT thread_vector FROM cases WHERE id = $1',
      [id],
    );
    expect(after.thread_vector).toBeNull();
  });

  it('matches the description and the thread together with one query', async () => {
    const travellers = word();
    const described = word();
    const withThread = await report({});
    const withDescription = await report({ description: `Otrevlig förare ${described}` });
    const { id } = await desk.caseRow(withThread);
    await app.dataSource.query(
      `INSERT INTO case_messages (case_id, direction, channel, body) VALUES ($1, 'inbound', 'email', $2)`,
      [id, `Svar: ${travellers}`],
    );
    expect((await search(`${travellers} or ${described}`)).sort()).toEqual(
      [withThread, withDescription].sort(),
    );
  });
});
