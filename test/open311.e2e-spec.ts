import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseAttachmentEntity } from '../src/cases/case-attachment.entity';
import { CaseEntity } from '../src/cases/case.entity';
import { OrganisationEntity } from '../src/directory/organisation.entity';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, TestApp } from './support/test-app';
import { loadDemoArea } from './support/demo-area';

const ROOT = join(__dirname, '..');
// The Open311 project's JSON schemas for GeoReport v2, as published with the spec.
const SCHEMA_DIR = join(ROOT, 'test', 'fixtures', 'open311', 'schema-georeport-v2');

interface Schema {
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  $ref?: string;
  maxLength?: number;
  format?: string;
}

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The part of JSON Schema the GeoReport v2 schemas use; returns what does not match. */
function schemaProblems(schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const target = JSON.parse(readFileSync(join(SCHEMA_DIR, schema.$ref), 'utf8')) as Schema;
    return schemaProblems(target, value, at);
  }
  if (schema.anyOf) {
    const fits = schema.anyOf.some((option) => schemaProblems(option, value, at).length === 0);
    return fits ? [] : [`${at} matches no anyOf option: ${JSON.stringify(value).slice(0, 60)}`];
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as string);
  const typeFits =
    !schema.type || schema.type === kind || (schema.type === 'integer' && Number.isInteger(value));
  if (!typeFits) return [`${at} is ${kind}, not ${schema.type}`];
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} is not in the enum`);
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at} is longer than ${schema.maxLength}`);
    if (schema.format === 'date-time' && !W3C.test(value)) problems.push(`${at} is no date-time`);
    if (schema.format === 'uri' && !URL.canParse(value)) problems.push(`${at} is no URI`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      problems.push(...schemaProblems(schema.items!, item, `${at}[${i}]`)),
    );
  }
  if (schema.required || schema.properties) {
    if (kind !== 'object') return [...problems, `${at} is not an object`];
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? [])
      if (!(name in record)) problems.push(`${at}.${name} is missing`);
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      if (name in record) problems.push(...schemaProblems(property, record[name], `${at}.${name}`));
  }
  return problems;
}

const expectSchema = (file: string, value: unknown) =>
  expect(schemaProblems({ $ref: file }, value)).toEqual([]);

const LISTS = ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'];
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });
function parseXml(response: request.Response) {
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(response.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return xml.parse(response.text);
}

/** The spec's example POST (api_key=xyz&jurisdiction_id=city.gov&…), made to fit this area. */
const SPEC_EXAMPLE_FORM = [
  'api_key=xyz',
  'jurisdiction_id=city.gov',
  'service_code=staff-treatment',
  'lat=59.858551',
  'long=17.639019',
  'address_string=Stora+Torget+(Uppsala)',
  'email=smit333%40sfgov.edu',
  'device_id=tt222111',
  'account_id=123456',
  'first_name=john',
  'last_name=smith',
  'phone=070-123+45+67',
  'description=A+rude+driver+shouted+at+my+child',
  'media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg',
  'attribute[kind]=complaint',
  'attribute[line]=4',
  'attribute[occurred_at]=2021-10-05T17%3A30%3A00%2B02%3A00',
].join('&');

describe('Open311 GeoReport v2', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestApp;

  beforeAll(async () => {
    database = await createIsolatedDatabase('open311');
    // An api-only process: the acknowledgement is queued through the outbox and nobody sends it.
    app = await createTestApp({ DATABASE_URL: database.url, SYNPUNKT_ROLE: 'api' });
    await loadDemoArea(app);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('lists the area categories as services, in Swedish unless English is asked for', async () => {
    const swedish = await request(app.server).get('/open311/v2/services.json').expect(200);
    expectSchema('services.json', swedish.body);
    expect(swedish.body).toHaveLength(17);
    expect(swedish.body[0]).toEqual({
      service_code: 'punctuality',
      service_name: 'Punktlighet och inställda turer',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: 'punctuality, Punktlighet och inställda turer, Punctuality and cancelled trips',
      group: 'Kollektivtrafik',
    });
    const byLocale = await request(app.server).get('/open311/v2/services.json?locale=en');
    const byHeader = await request(app.server)
      .get('/open311/v2/services.json')
      .set('Accept-Language', 'de;q=0.9, en-GB;q=0.8, sv;q=0.1');
    for (const english of [byLocale, byHeader]) {
      expect(english.body[0]).toMatchObject({
        service_name: 'Punctuality and cancelled trips',
        group: 'Public transport',
      });
    }
  });

  it("lists services in XML under the spec's element names", async () => {
    const { services } = parseXml(await request(app.server).get('/open311/v2/services.xml'));
    expect(services.service).toHaveLength(17);
    expect(services.service[1]).toMatchObject({
      service_code: 'staff-treatment',
      service_name: 'Bemötande',
      metadata: 'true',
      type: 'realtime',
    });
  });

  it('defines the attributes of a service, with kind a required single-value list', async () => {
    const { body } = await request(app.server)
      .get('/open311/v2/services/punctuality.json?locale=en')
      .expect(200);
    expectSchema('service-definition.json', body);
    expect(body.service_code).toBe('punctuality');
    expect(body.attributes.map((a: { code: string }) => a.code)).toEqual([
      'kind',
      'line',
      'stop',
      'occurred_at',
      'vehicle_number',
    ]);
    expect(body.attributes[0]).toMatchObject({
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
    });
    expect(body.attributes[0].values).toContainEqual({
      key: 'delay-compensation',
      name: 'Delay compensation',
    });
    expect(body.attributes[3]).toMatchObject({ datatype: 'datetime', required: false });

    const definition = parseXml(
      await request(app.server).get('/open311/v2/services/punctuality.xml').expect(200),
    ).service_definition;
    expect(definition.attributes.attribute[0].values.value[0]).toEqual({
      key: 'complaint',
      name: 'Klagomål',
    });
  });

  it("answers an unknown service, an unknown path and an unknown format in the spec's error format", async () => {
    const json = await request(app.server).get('/open311/v2/services/weather.json').expect(404);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toEqual([{ code: 404, description: expect.stringContaining('weather') }]);
    const asXml = await request(app.server).get('/open311/v2/services/weather.xml').expect(404);
    expect(parseXml(asXml).errors.error).toEqual([
      { code: '404', description: expect.stringContaining('weather') },
    ]);
    const noFormat = await request(app.server).get('/open311/v2/services').expect(404);
    expect(parseXml(noFormat).errors.error[0].code).toBe('404');
    const html = await request(app.server).get('/open311/v2/services.html').expect(400);
    expect(parseXml(html).errors.error[0].description).toMatch(/\.json or \.xml/);
  });

  it("creates a request from the spec's example form: routed, acknowledged, followed by id", async () => {
    const created = await request(app.server)
      .post('/open311/v2/requests.json')
      .type('form')
      .send(SPEC_EXAMPLE_FORM)
      .expect(200);
    expect(created.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^SP-\d{4}-\d{6}$/),
        service_notice: expect.stringContaining('Gamla Uppsala Buss AB'),
        account_id: null,
      },
    ]);
    const id: string = created.body[0].service_request_id;

    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneOrFail({ where: { reference: id }, relations: { responsibleOrganisation: true } });
    const gub = await app.dataSource
      .getRepository(OrganisationEntity)
      .findOneByOrFail({ code: 'GUB' });
    expect(stored).toMatchObject({
      channel: 'open311',
      kind: 'complaint',
      category: 'staff-treatment',
      description: 'A rude driver shouted at my child',
      lineText: '4',
      stopText: 'Stora Torget (Uppsala)',
      occurredAt: new Date('2021-10-05T15:30:00Z'),
      contactName: 'john smith',
      contactEmail: 'smit333@sfgov.edu',
      contactPhone: '+46701234567',
      language: 'sv',
      responsibleOrganisationId: gub.id,
      idempotencyKey: null,
    });
    expect(
      await app.dataSource
        .getRepository(OutboxEntity)
        .countBy({ caseId: stored.id, jobName: 'case-acknowledgement' }),
    ).toBe(1);
    expect(
      await app.dataSource.getRepository(CaseAttachmentEntity).findBy({ caseId: stored.id }),
    ).toEqual([
      expect.objectContaining({
        contentType: 'image/jpeg',
        url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      }),
    ]);

    const followed = await request(app.server)
      .get(`/open311/v2/requests/${id}.json?locale=en`)
      .expect(200);
    expectSchema('requests.json', followed.body);
    expect(followed.body).toEqual([
      {
        // The first-response target from the handler's office hours (depends on the hour of the run).
        expected_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        service_request_id: id,
        status: 'open',
        status_notes: null,
        service_name: 'Treatment by staff',
        service_code: 'staff-treatment',
        description: null,
        agency_responsible: 'Gamla Uppsala Buss AB',
        service_notice: null,
        requested_datetime: stored.createdAt.toISOString(),
        updated_datetime: expect.any(String),
        address: 'Stora Torget (Uppsala)',
        address_id: '9021003700001000',
        zipcode: null,
        lat: 59.858551,
        long: 17.639019,
        media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      },
    ]);
    // Open311 GET is public: neither the traveller's words nor how to reach them.
    expect(followed.text).not.toMatch(/rude|john|smith|smit333|701234567/);

    const { service_requests } = parseXml(
      await request(app.server).get(`/open311/v2/requests/${id}.xml`).expect(200),
    );
    expect(service_requests.request[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      agency_responsible: 'Gamla Uppsala Buss AB',
      description: '',
    });
    const unknown = await request(app.server).get('/open311/v2/requests/SP-1999-000001.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.any(String) }]);
  });
});
