import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, TestApp } from './support/test-app';
import { loadDemoArea } from './support/demo-area';

const AUTH_TOKEN = 'fuzz-token';
const BASE_URL = 'https://fuzz.synpunkt.local';

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

const STRINGS = [
  '',
  ' ',
  'x',
  'linje 4',
  'SP-2026-000001',
  '\u0000',
  '💥'.repeat(50),
  'ä'.repeat(6000),
  '<script>',
  "' OR 1=1 --",
  '%00',
  '[]',
  '{}',
  '-1',
  '1e308',
  'null',
];
const VALUES = [
  ...STRINGS,
  null,
  true,
  false,
  0,
  -1,
  3.14,
  [],
  {},
  ['a', 1],
  { nested: { deep: [] } },
];
const FIELDS = [
  'kind',
  'description',
  'category',
  'line',
  'stop',
  'mode',
  'occurredAt',
  'language',
  'contact',
  'replyChannel',
  'vehicleNumber',
  'photos',
  '__proto__',
  'constructor',
];
const TWILIO_FIELDS = [
  'MessageSid',
  'From',
  'To',
  'Body',
  'NumMedia',
  'MediaUrl0',
  'MediaContentType0',
  'SmsSid',
  'AccountSid',
];
const OPEN311_FIELDS = [
  'service_code',
  'description',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'phone',
  'first_name',
  'last_name',
  'media_url',
  'attribute[kind]',
  'attribute[line]',
  'attribute[occurred_at]',
  'api_key',
];

describe('random bodies to every intake endpoint', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestApp;

  beforeAll(async () => {
    database = await createIsolatedDatabase('fuzz');
    app = await createTestApp({
      DATABASE_URL: database.url,
      PUBLIC_BASE_URL: BASE_URL,
      TWILIO_ACCOUNT_SID: `AC${'f'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: '+46700000000',
      TWILIO_API_URL: 'http://127.0.0.1:9',
      SYNPUNKT_ROLE: 'api',
    });
    await loadDemoArea(app, { feed: false });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const statuses: number[] = [];
  const record = (status: number, what: string) => {
    statuses.push(status);
    if (status >= 500) throw new Error(`${what} answered ${status}`);
  };

  it('the JSON intake answers 2xx or 4xx, never 5xx', async () => {
    const { next, pick } = random(1);
    for (let i = 0; i < 80; i++) {
      const body: Record<string, unknown> = {};
      for (const field of FIELDS) if (next() < 0.4) body[field] = pick(VALUES);
      if (next() < 0.5)
        Object.assign(body, { kind: 'complaint', description: pick(STRINGS) || 'x' });
      const response = await request(app.server)
        .post('/api/v1/cases')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      record(response.status, `POST /api/v1/cases ${JSON.stringify(body).slice(0, 200)}`);
    }
  });

  it('the signed SMS webhook answers 2xx or 4xx, never 5xx', async () => {
    const { next, pick } = random(2);
    for (let i = 0; i < 60; i++) {
      const params: Record<string, string> = {};
      for (const field of TWILIO_FIELDS) if (next() < 0.6) params[field] = String(pick(STRINGS));
      if (next() < 0.3) Object.assign(params, { From: '+46701234567', MessageSid: `SM${i}` });
      const signature = getExpectedTwilioSignature(
        AUTH_TOKEN,
        `${BASE_URL}/webhooks/twilio/sms`,
        params,
      );
      const response = await request(app.server)
        .post('/webhooks/twilio/sms')
        .type('form')
        .set('X-Twilio-Signature', signature)
        .send(params);
      record(response.status, `POST /webhooks/twilio/sms ${JSON.stringify(params).slice(0, 200)}`);
    }
  });

  it('Open311 POST answers 2xx or 4xx, never 5xx', async () => {
    const { next, pick } = random(3);
    for (let i = 0; i < 60; i++) {
      const params: Record<string, string> = {};
      for (const field of OPEN311_FIELDS) if (next() < 0.5) params[field] = String(pick(STRINGS));
      if (next() < 0.5)
        Object.assign(params, {
          service_code: 'punctuality',
          'attribute[kind]': 'complaint',
          address_string: 'Flogsta',
        });
      const response = await request(app.server)
        .post('/open311/v2/requests.json')
        .type('form')
        .send(params);
      record(
        response.status,
        `POST /open311/v2/requests.json ${JSON.stringify(params).slice(0, 200)}`,
      );
    }
  });

  it('the web form answers 2xx, 3xx or 4xx, never 5xx', async () => {
    const { next, pick } = random(4);
    for (let i = 0; i < 40; i++) {
      const form = request(app.server).post('/feedback');
      for (const field of [
        'kind',
        'category',
        'description',
        'line',
        'stop',
        'date',
        'time',
        'email',
        'phone',
        'replyChannel',
        'formToken',
        'website',
      ])
        if (next() < 0.5) void form.field(field, String(pick(STRINGS)));
      const response = await form;
      record(response.status, 'POST /feedback');
    }
  });

  it('left no partial case behind: every stored case has its events and its acknowledgement job', async () => {
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const [partial] = await app.dataSource.query<
      { without_events: string; without_job: string; cases: string }[]
    >(
      `SELECT count(*)::text AS cases,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'created'))::text AS without_events,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id))::text AS without_job
         FROM cases c`,
    );
    expect(partial).toMatchObject({ without_events: '0', without_job: '0' });
    // Some of the random reports were valid: the check above looked at real cases.
    expect(Number(partial.cases)).toBeGreaterThan(0);
    expect(statuses.length).toBe(240);
  });
});
