import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { CaseEntity } from '../src/cases/case.entity';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, TestApp } from './support/test-app';
import { loadDemoArea } from './support/demo-area';

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === 'error' || name === 'request',
});

const VALID = {
  service_code: 'punctuality',
  address_string: 'Uppsala Centralstation',
  description: 'Bussen kom aldrig',
  'attribute[kind]': 'complaint',
  'attribute[line]': '4',
};
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('Open311 GeoReport v2: POST requests', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestApp;
  let keyed: TestApp;
  const casesCount = () => app.dataSource.getRepository(CaseEntity).count();

  beforeAll(async () => {
    database = await createIsolatedDatabase('open311_post');
    app = await createTestApp({ DATABASE_URL: database.url, SYNPUNKT_ROLE: 'api' });
    await loadDemoArea(app);
    // A deployment that hands out keys, with a small rate limit to reach.
    keyed = await createTestApp({
      DATABASE_URL: database.url,
      SYNPUNKT_ROLE: 'api',
      OPEN311_API_KEYS: 'key-for-the-region-app, key-for-a-partner',
      INTAKE_RATE_LIMIT_PER_MINUTE: '4',
    });
  });

  afterAll(async () => {
    await keyed?.close();
    await app?.close();
    await database?.drop();
  });

  it('takes a JSON body with attributes as an object, and answers in XML for .xml', async () => {
    const response = await request(app.server)
      .post('/open311/v2/requests.xml')
      .set('Accept-Language', 'en')
      .send({
        service_code: 'fares-tickets',
        address_id: '9021003700001000',
        description: 'The ticket machine <b>ate</b> my card & my coins',
        attribute: { kind: 'question', vehicle_number: '7301' },
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [receipt] = xml.parse(response.text).service_requests.request;
    expect(receipt).toEqual({
      service_request_id: expect.stringMatching(/^SP-/),
      service_notice: expect.stringContaining('Kollektivtrafikförvaltningen UL'),
      account_id: '',
    });
    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: receipt.service_request_id });
    expect(stored).toMatchObject({
      kind: 'question',
      stopText: 'Stora Torget (Uppsala)',
      vehicleNumber: '7301',
      language: 'en',
      replyChannel: 'none',
    });
  });

  it('gives the same request back for a repeated Idempotency-Key, storing one case', async () => {
    const before = await casesCount();
    const post = () =>
      request(app.server)
        .post('/open311/v2/requests.json')
        .set('Idempotency-Key', 'app-42-report-7')
        .type('form')
        .send('service_code=praise&address_string=Flogsta&description=Tack!&attribute[kind]=praise')
        .expect(200);
    const first = await post();
    const second = await post();
    expect(second.body[0].service_request_id).toBe(first.body[0].service_request_id);
    expect(await casesCount()).toBe(before + 1);
    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: first.body[0].service_request_id });
    expect(stored.idempotencyKey).toBe('open311:app-42-report-7');
  });

  it.each([
    [
      'no attribute[kind]',
      form({ ...VALID, 'attribute[kind]': '' }),
      'attribute[kind] is required',
    ],
    [
      'an unknown kind',
      form({ ...VALID, 'attribute[kind]': 'rant' }),
      'attribute[kind] must be one of',
    ],
    ['no service_code', form({ ...VALID, service_code: '' }), 'service_code is required'],
    ['no description', form({ ...VALID, description: '' }), 'description is required'],
    [
      'a description over 4000 characters',
      form({ ...VALID, description: 'x'.repeat(4001) }),
      'description must be at most 4000 characters',
    ],
    ['no location', form({ ...VALID, address_string: '' }), 'location (lat & long'],
    ['lat without long', form({ ...VALID, lat: '59.85' }), 'long must be given too'],
    ['a latitude off the globe', form({ ...VALID, lat: '91', long: '17' }), 'lat must be a WGS84'],
    ['an unknown address_id', form({ ...VALID, address_id: 'nope' }), 'address_id is not a stop'],
    [
      'an unknown attribute',
      form({ ...VALID, 'attribute[colour]': 'red' }),
      'attribute[colour] is not',
    ],
    ['an unknown argument', form({ ...VALID, priority: 'high' }), 'priority is not an argument'],
    ['a bad e-mail', form({ ...VALID, email: 'not-mail' }), 'email must be an e-mail address'],
    ['a bad phone', form({ ...VALID, phone: 'ring mig' }), 'phone is not a phone number'],
    [
      'occurred_at without a zone',
      form({ ...VALID, 'attribute[occurred_at]': '2021-10-05T17:30:00' }),
      'attribute[occurred_at] must be a date-time',
    ],
    [
      'occurred_at in the future',
      form({ ...VALID, 'attribute[occurred_at]': '2099-01-01T00:00:00Z' }),
      'attribute[occurred_at] is in the future',
    ],
    [
      'a javascript: media_url',
      form({ ...VALID, media_url: 'javascript:alert(1)' }),
      'media_url must be',
    ],
  ])(
    'refuses %s with 400 and the spec error list, storing nothing',
    async (_what, body, description) => {
      const before = await casesCount();
      const response = await request(app.server)
        .post('/open311/v2/requests.json')
        .type('form')
        .send(body)
        .expect(400);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.body).toContainEqual({
        code: 400,
        description: expect.stringContaining(description),
      });
      expect(await casesCount()).toBe(before);
    },
  );

  it('names every wrong argument at once, in XML for .xml', async () => {
    const response = await request(app.server)
      .post('/open311/v2/requests.xml')
      .type('form')
      .send('service_code=punctuality')
      .expect(400);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const descriptions = xml
      .parse(response.text)
      .errors.error.map((error: { code: string; description: string }) => {
        expect(error.code).toBe('400');
        return error.description;
      });
    expect(descriptions).toEqual([
      'description is required',
      'attribute[kind] is required',
      'location (lat & long, address_string or address_id) is required',
    ]);
  });

  it('answers an unknown service_code with 404, and a body that does not parse with 400', async () => {
    const before = await casesCount();
    const unknown = await request(app.server)
      .post('/open311/v2/requests.json')
      .type('form')
      .send(form({ ...VALID, service_code: 'weather' }))
      .expect(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('weather') }]);

    const malformed = await request(app.server)
      .post('/open311/v2/requests.json')
      .set('Content-Type', 'application/json')
      .send('{"service_code": "punctuality",')
      .expect(400);
    expect(malformed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(malformed.body).toEqual([{ code: 400, description: 'body is not valid JSON' }]);

    const tooLarge = await request(app.server)
      .post('/open311/v2/requests.xml')
      .type('form')
      .send(form({ ...VALID, description: 'x'.repeat(70_000) }))
      .expect(413);
    expect(xml.parse(tooLarge.text).errors.error).toEqual([
      { code: '413', description: 'body is too large' },
    ]);
    expect(await casesCount()).toBe(before);
  });

  it('needs a valid api_key to POST when keys are configured (403), but never to read', async () => {
    const before = await casesCount();
    const missing = await request(keyed.server)
      .post('/open311/v2/requests.json')
      .type('form')
      .send(form(VALID))
      .expect(403);
    expect(missing.body).toEqual([{ code: 403, description: expect.stringMatching(/api_key/) }]);
    const wrong = await request(keyed.server)
      .post('/open311/v2/requests.xml')
      .type('form')
      .send(form({ ...VALID, api_key: 'key-for-the-region-ap' }))
      .expect(403);
    expect(xml.parse(wrong.text).errors.error).toEqual([
      {
        code: '403',
        description: "Invalid api_key received -- can't proceed with create_request.",
      },
    ]);
    expect(await casesCount()).toBe(before);

    await request(keyed.server)
      .post('/open311/v2/requests.json')
      .type('form')
      .send(form({ ...VALID, api_key: 'key-for-a-partner' }))
      .expect(200);
    await request(keyed.server)
      .post('/open311/v2/requests.json?api_key=key-for-the-region-app')
      .send({ ...VALID })
      .expect(200);
    expect(await casesCount()).toBe(before + 2);
    await request(keyed.server).get('/open311/v2/services.json').expect(200);
    await request(keyed.server).get('/open311/v2/requests.json').expect(200);
  });

  it('limits POSTs per client address with 429 and Retry-After, in the spec error format', async () => {
    // The previous test spent the four POSTs this minute allows.
    const limited = await request(keyed.server)
      .post('/open311/v2/requests.json')
      .type('form')
      .send(form({ ...VALID, api_key: 'key-for-a-partner' }))
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toEqual([{ code: 429, description: expect.stringMatching(/too many/i) }]);
  });
});
