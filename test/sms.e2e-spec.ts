import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio';
import { CaseAttachmentEntity } from '../src/cases/case-attachment.entity';
import { CaseEventEntity } from '../src/cases/case-event.entity';
import { CaseMessageEntity } from '../src/cases/case-message.entity';
import { CaseEntity } from '../src/cases/case.entity';
import { OutboundMessageEntity } from '../src/notifications/outbound-message.entity';
import { FakeTwilio } from './support/fake-twilio';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, eventually, TestApp } from './support/test-app';
import { loadDemoArea } from './support/demo-area';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'test-auth-token';
const BASE_URL = 'https://synpunkt.example.se';

let messageCounter = 0;
const nextSid = () => `SM${String(++messageCounter).padStart(32, 'f')}`;

describe('SMS through Twilio', () => {
  let database: { url: string; drop: () => Promise<void> };
  let twilioApi: FakeTwilio;
  let app: TestApp;

  /** Posts as Twilio does: form-encoded and signed with the account's auth token. */
  const webhook = (path: string, params: Record<string, string>, signature?: string) =>
    request(app.server)
      .post(path)
      .type('form')
      .set(
        'X-Twilio-Signature',
        signature ?? getExpectedTwilioSignature(AUTH_TOKEN, `${BASE_URL}${path}`, params),
      )
      .send(params);
  const sms = (from: string, body: string, extra: Record<string, string> = {}) => {
    const params = {
      MessageSid: nextSid(),
      AccountSid: ACCOUNT_SID,
      From: from,
      To: '+46700000000',
      Body: body,
      NumMedia: '0',
      ...extra,
    };
    return { params, response: webhook('/webhooks/twilio/sms', params) };
  };
  const casesFrom = (phone: string) =>
    app.dataSource
      .getRepository(CaseEntity)
      .find({ where: { contactPhone: phone }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    database = await createIsolatedDatabase('sms');
    twilioApi = new FakeTwilio();
    app = await createTestApp({
      DATABASE_URL: database.url,
      PUBLIC_BASE_URL: BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: '+46700000000',
      TWILIO_API_URL: await twilioApi.start(),
      SMS_RATE_LIMIT_PER_HOUR: '5',
    });
    await loadDemoArea(app);
  });

  afterAll(async () => {
    await app.close();
    await twilioApi.stop();
    await database.drop();
  });

  it('refuses an unsigned or forged webhook with 403 and stores nothing', async () => {
    const params = { MessageSid: nextSid(), From: '+46701110000', Body: 'Bussen kom inte' };
    await request(app.server).post('/webhooks/twilio/sms').type('form').send(params).expect(403);
    await webhook('/webhooks/twilio/sms', params, 'bm90IGEgc2lnbmF0dXJl').expect(403);
    const signedForOtherBody = getExpectedTwilioSignature(
      AUTH_TOKEN,
      `${BASE_URL}/webhooks/twilio/sms`,
      { ...params, Body: 'x' },
    );
    await webhook('/webhooks/twilio/sms', params, signedForOtherBody).expect(403);
    expect(await casesFrom('+46701110000')).toHaveLength(0);
  });

  it('opens a routed case, answers with empty TwiML and sends the acknowledgement by SMS', async () => {
    const { response } = sms(
      '070-111 22 33',
      'Buss 4 kom aldrig i morse, jag kom för sent till jobbet',
    );
    const answer = await response.expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/xml/);
    expect(answer.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const [created] = await casesFrom('+46701112233');
    expect(created).toMatchObject({
      channel: 'sms',
      kind: 'complaint',
      lineText: '4',
      language: 'sv',
      replyChannel: 'sms',
    });
    expect(created.triage).toBe(false);
    const ack = await twilioApi.waitFor((s) => s.to === '+46701112233');
    expect(ack.body).toContain(created.reference);
    expect(ack).toMatchObject({
      from: '+46700000000',
      statusCallback: `${BASE_URL}/webhooks/twilio/status`,
    });
    const outbound = await eventually(() =>
      app.dataSource
        .getRepository(OutboundMessageEntity)
        .findOneBy({ caseId: created.id, status: 'sent' }),
    );
    expect(outbound.providerRef).toMatch(/^SM/);

    // Twilio reports delivery on the status callback.
    const status = {
      MessageSid: outbound.providerRef!,
      MessageStatus: 'delivered',
      AccountSid: ACCOUNT_SID,
    };
    await webhook('/webhooks/twilio/status', status).expect(204);
    expect(
      await app.dataSource
        .getRepository(OutboundMessageEntity)
        .findOneByOrFail({ id: outbound.id }),
    ).toMatchObject({
      providerStatus: 'delivered',
    });
  });

  it('treats a retried webhook (same MessageSid) as the same message', async () => {
    const { params, response } = sms('+46701113344', 'Tåg 997 var inställt utan information');
    await response.expect(200);
    await webhook('/webhooks/twilio/sms', params).expect(200);
    await webhook('/webhooks/twilio/sms', params).expect(200);
    const cases = await casesFrom('+46701113344');
    expect(cases).toHaveLength(1);
    await twilioApi.waitFor((s) => s.to === '+46701113344');
    // One case, so one acknowledgement job and one SMS: the retries queued nothing.
    const [{ jobs }] = await app.dataSource.query<{ jobs: string }[]>(
      `SELECT count(*)::text AS jobs FROM outbox WHERE case_id = $1 AND job_name = 'case-acknowledgement'`,
      [cases[0].id],
    );
    expect(jobs).toBe('1');
    expect(
      await app.dataSource.getRepository(OutboundMessageEntity).countBy({ caseId: cases[0].id }),
    ).toBe(1);
    // Nor did a retry join the case it opened as a follow-up.
    expect(
      await app.dataSource.getRepository(CaseMessageEntity).countBy({ caseId: cases[0].id }),
    ).toBe(0);
  });

  it('adds a later message from the same number to the open case, with MMS media as attachments', async () => {
    await sms('+46701114455', 'Linje 801 stannade inte vid Flogsta').response.expect(200);
    const { params, response } = sms('+46701114455', 'Här är en bild', {
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
    });
    await response.expect(200);
    await webhook('/webhooks/twilio/sms', params).expect(200); // a retry adds nothing
    const cases = await casesFrom('+46701114455');
    expect(cases).toHaveLength(1);
    const thread = await app.dataSource
      .getRepository(CaseMessageEntity)
      .findBy({ caseId: cases[0].id });
    expect(thread).toEqual([
      expect.objectContaining({ direction: 'inbound', channel: 'sms', body: 'Här är en bild' }),
    ]);
    const attachments = await app.dataSource
      .getRepository(CaseAttachmentEntity)
      .findBy({ caseId: cases[0].id });
    expect(attachments).toEqual([
      expect.objectContaining({
        contentType: 'image/jpeg',
        url: expect.stringContaining('/Media/ME1'),
      }),
    ]);
  });

  it('reopens a resolved case when the traveller answers it, instead of opening another', async () => {
    await sms('+46701119900', 'Bussen 801 körde förbi hållplatsen').response.expect(200);
    const [first] = await casesFrom('+46701119900');
    await app.dataSource.query(`UPDATE cases SET status = 'resolved' WHERE id = $1`, [first.id]);

    await sms('+46701119900', 'Tack, men det hände igen i dag').response.expect(200);
    const cases = await casesFrom('+46701119900');
    expect(cases).toHaveLength(1);
    expect(cases[0].status).toBe('open');
    const events = await app.dataSource
      .getRepository(CaseEventEntity)
      .findBy({ caseId: first.id, type: 'reopened' });
    expect(events).toEqual([
      expect.objectContaining({
        actor: 'traveller',
        data: {
          before: { status: 'resolved', outcome: null },
          after: { status: 'open', outcome: null },
        },
      }),
    ]);
  });

  it('honours STOP, START and HELP in Swedish and English', async () => {
    const phone = '+46701115566';
    await sms(phone, 'HJÄLP').response.expect(200);
    expect((await twilioApi.waitFor((s) => s.to === phone)).body).toMatch(
      /^Kundtjänst kollektivtrafik/,
    );

    await sms(phone, 'STOPP').response.expect(200);
    await sms(phone, 'Bussen var smutsig').response.expect(200);
    const [created] = await casesFrom(phone);
    const skipped = await eventually(() =>
      app.dataSource
        .getRepository(OutboundMessageEntity)
        .findOneBy({ caseId: created.id, status: 'skipped' }),
    );
    expect(skipped.error).toBe('the number has opted out (STOP)');

    await sms(phone, 'start').response.expect(200);
    const confirmation = await twilioApi.waitFor(
      (s) => s.to === phone && s.body.startsWith('You will receive'),
    );
    expect(confirmation.body).toContain('Reply STOP');
    expect(await casesFrom(phone)).toHaveLength(1);
  });

  it('fails an SMS for good when Twilio refuses the number, and records why', async () => {
    twilioApi.refuseWith = {
      status: 400,
      code: 21211,
      message: "The 'To' number is not a valid phone number.",
    };
    try {
      await sms('+46701116677', 'Chauffören var otrevlig').response.expect(200);
      const [created] = await casesFrom('+46701116677');
      const failed = await eventually(() =>
        app.dataSource
          .getRepository(OutboundMessageEntity)
          .findOneBy({ caseId: created.id, status: 'failed' }),
      );
      expect(failed.error).toMatch(/^provider refused: .*not a valid phone number/);
    } finally {
      twilioApi.refuseWith = undefined;
    }
  });

  it('limits messages per sender number with 429 and Retry-After', async () => {
    const phone = '+46701117788';
    for (let i = 0; i < 5; i++) await sms(phone, `Meddelande ${i}`).response.expect(200);
    const limited = await sms(phone, 'Ett till').response.expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    // Another number is not affected.
    await sms('+46701118899', 'Hej').response.expect(200);
  });
});
