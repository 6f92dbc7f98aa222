import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, TestApp } from './support/test-app';
import { loadDemoArea } from './support/demo-area';

const DAY_MS = 24 * 3600_000;
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['request', 'error', 'endpoint', 'format'].includes(name),
});

describe('Open311 GeoReport v2: discovery and GET requests', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestApp;
  const ids: Record<string, string> = {};

  const list = (query: string) => request(app.server).get(`/open311/v2/requests.json${query}`);
  const idsOf = (body: Array<{ service_request_id: string }>) =>
    body.map((item) => item.service_request_id);

  /** Reports through Open311, then moves its case in time and state as a handler would. */
  async function report(name: string, fields: Record<string, string>, daysAgo = 0, status = 'new') {
    const { body } = await request(app.server)
      .post('/open311/v2/requests.json')
      .send({ description: 'Något hände', 'attribute[kind]': 'complaint', ...fields })
      .expect(200);
    ids[name] = body[0].service_request_id;
    await app.dataSource.query(
      `UPDATE cases SET created_at = now() - make_interval(secs => $2::double precision), status = $3
       WHERE reference = $1`,
      [ids[name], (daysAgo * DAY_MS) / 1000, status],
    );
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase('open311_requests');
    app = await createTestApp({ DATABASE_URL: database.url, SYNPUNKT_ROLE: 'api' });
    await loadDemoArea(app, { feed: false });
    await report('lateToday', { service_code: 'punctuality', address_string: 'Gränby <C> & Co' });
    await report(
      'dirtyLastWeek',
      { service_code: 'vehicle-cleanliness', address_string: 'Flogsta' },
      7,
      'resolved',
    );
    await report(
      'waiting',
      { service_code: 'punctuality', address_string: 'Luthagen' },
      30,
      'waiting-for-traveller',
    );
    await report(
      'oldClosed',
      { service_code: 'punctuality', address_string: 'Boländerna' },
      100,
      'closed',
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('serves service discovery as XML and JSON, naming the v2 endpoint and its formats', async () => {
    const json = await request(app.server).get('/open311/discovery.json').expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toMatchObject({
      changeset: expect.any(String),
      contact: expect.stringContaining('Kollektivtrafikförvaltningen UL'),
      key_service: expect.any(String),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${app.config.PUBLIC_BASE_URL}/open311/v2`,
          changeset: expect.any(String),
          type: 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const asXml = await request(app.server).get('/open311/discovery.xml').expect(200);
    expect(asXml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const { discovery } = xml.parse(asXml.text);
    expect(discovery.endpoints.endpoint[0].formats.format).toEqual([
      'text/xml',
      'application/json',
    ]);
    expect(discovery.endpoints.endpoint[0].url).toBe(json.body.endpoints[0].url);
  });

  it('lists the most recent 90 days by default, newest first, with open and closed', async () => {
    const { body } = await list('').expect(200);
    expect(idsOf(body)).toEqual([ids.lateToday, ids.dirtyLastWeek, ids.waiting]);
    expect(body.map((item: { status: string }) => item.status)).toEqual(['open', 'closed', 'open']);
    expect(body[2]).toMatchObject({
      status_notes: 'Väntar på svar från resenären.',
      agency_responsible: 'Kollektivtrafikförvaltningen UL',
      description: null,
    });
  });

  it('filters by service_code, declared comma delimited or more than once, and by status', async () => {
    expect(idsOf((await list('?service_code=punctuality').expect(200)).body)).toEqual([
      ids.lateToday,
      ids.waiting,
    ]);
    const both = await list('?service_code=punctuality,vehicle-cleanliness&status=closed');
    expect(idsOf(both.body)).toEqual([ids.dirtyLastWeek]);
    const repeated = await list('?service_code=toilets&service_code=vehicle-cleanliness');
    expect(idsOf(repeated.body)).toEqual([ids.dirtyLastWeek]);
    expect(idsOf((await list('?status=open,closed&service_code=')).body)).toHaveLength(3);
  });

  it('takes a window of at most 90 days from start_date and end_date', async () => {
    const at = (daysAgo: number) =>
      encodeURIComponent(new Date(Date.now() - daysAgo * DAY_MS).toISOString());
    const window = await list(`?start_date=${at(120)}&end_date=${at(31)}`).expect(200);
    expect(idsOf(window.body)).toEqual([ids.oldClosed]);
    const fromStart = await list(`?start_date=${at(35)}`).expect(200);
    expect(idsOf(fromStart.body)).toEqual([ids.lateToday, ids.dirtyLastWeek, ids.waiting]);
    const untilEnd = await list(`?end_date=${at(20)}`).expect(200);
    expect(idsOf(untilEnd.body)).toEqual([ids.waiting, ids.oldClosed]);
    // Exactly 90 days, across an offset; and a `+` left unencoded, which arrives as a space.
    await list('?start_date=2021-10-01T00:00:00%2B02:00&end_date=2021-12-29T22:00:00Z').expect(200);
    await list('?start_date=2021-10-01T00:00:00+02:00&end_date=2021-12-29T22:00:00Z').expect(200);
  });

  it('lets service_request_id override every other argument', async () => {
    const { body } = await list(
      `?service_request_id=${ids.oldClosed},${ids.lateToday},SP-1999-000001&start_date=nonsense&status=open`,
    ).expect(200);
    expect(idsOf(body)).toEqual([ids.lateToday, ids.oldClosed]);
  });

  it.each([
    [
      'a date without a zone',
      '?start_date=2021-10-01T00:00:00',
      'start_date must be a W3C date-time',
    ],
    [
      'a date that does not exist',
      '?end_date=2021-02-30T00:00:00Z',
      'end_date must be a W3C date-time',
    ],
    ['a bare date', '?start_date=2021-10-01', 'start_date must be a W3C date-time'],
    [
      'a window over 90 days',
      '?start_date=2021-01-01T00:00:00Z&end_date=2021-04-01T00:00:01Z',
      'end_date may not be more than 90 days after start_date',
    ],
    [
      'an end before the start',
      '?start_date=2021-02-01T00:00:00Z&end_date=2021-01-01T00:00:00Z',
      'end_date must not be before start_date',
    ],
    ['an unknown status', '?status=pending', 'status must be open or closed'],
  ])('refuses %s with 400 in the spec error format', async (_what, query, description) => {
    const json = await list(query).expect(400);
    expect(json.body).toEqual([{ code: 400, description: expect.stringContaining(description) }]);
    const asXml = await request(app.server).get(`/open311/v2/requests.xml${query}`).expect(400);
    expect(xml.parse(asXml.text).errors.error).toEqual([
      { code: '400', description: expect.stringContaining(description) },
    ]);
  });

  it("lists in XML with the spec's element names, never publishing a stop the timetable does not know", async () => {
    const response = await request(app.server)
      .get('/open311/v2/requests.xml?service_code=punctuality&locale=en')
      .expect(200);
    // What the traveller typed as a stop may be anything, personal data too: it stays out.
    expect(response.text).not.toContain('Gränby');
    const { service_requests } = xml.parse(response.text);
    expect(service_requests.request).toHaveLength(2);
    expect(service_requests.request[0]).toMatchObject({
      service_request_id: ids.lateToday,
      status: 'open',
      service_name: 'Punctuality and cancelled trips',
      service_code: 'punctuality',
      address: '',
      // When a person will answer: the first-response target of the demo area's rules.
      expected_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
    });
  });

  it('returns at most the first 1000 requests', async () => {
    await app.dataSource.query(
      `INSERT INTO cases (reference, kind, category, description, channel, language, reply_channel,
                          routing_reasons, created_at, updated_at)
       SELECT 'SP-2000-' || lpad(n::text, 6, '0'), 'complaint', 'lost-property', 'bulk', 'api', 'sv',
              'none', '[]', now() - make_interval(mins => n), now()
       FROM generate_series(1, 1005) AS n`,
    );
    const { body } = await list('?service_code=lost-property').expect(200);
    expect(body).toHaveLength(1000);
    expect(body[0].service_request_id).toBe('SP-2000-000001');
  });
});
