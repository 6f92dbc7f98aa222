import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CaseEntity } from '../src/cases/case.entity';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { createTestApp, TestApp } from './support/test-app';

// Other test files write cases into the same database; this marker finds ours.
const marker = `bad-input ${randomUUID()}`;
const valid = { kind: 'complaint', description: marker };

describe('bad input to the JSON intake', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ JSON_BODY_LIMIT_BYTES: String(32 * 1024) });
  });

  afterAll(async () => {
    // Not one of the refused requests below stored anything.
    expect(await app.dataSource.getRepository(CaseEntity).countBy({ description: marker })).toBe(0);
    await app.close();
  });

  const post = (body: string | object, contentType = 'application/json') =>
    request(app.server)
      .post('/api/v1/cases')
      .set('Content-Type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it.each<[string, string | object, string, string]>([
    ['malformed JSON', '{"kind": "complaint", "descr', 'body', 'is not valid JSON'],
    ['a missing description', { kind: 'complaint' }, 'description', 'must be a string'],
    ['a blank description', { ...valid, description: '   ' }, 'description', 'must not be empty'],
    [
      'a description of the wrong type',
      { ...valid, description: 42 },
      'description',
      'must be a string',
    ],
    [
      'an unknown kind',
      { ...valid, kind: 'rant' },
      'kind',
      'must be one of complaint, praise, question, suggestion, delay-compensation',
    ],
    ['an unknown field', { ...valid, priority: 'high' }, 'priority', 'is not a known field'],
    [
      'an over-long description',
      { ...valid, description: 'x'.repeat(5001) },
      'description',
      'must be shorter than or equal to 5000 characters',
    ],
    [
      'an over-long line',
      { ...valid, line: '4'.repeat(101) },
      'line',
      'must be shorter than or equal to 100 characters',
    ],
    [
      'a malformed e-mail',
      { ...valid, contact: { email: 'anna@' } },
      'contact.email',
      'must be an e-mail address',
    ],
    [
      'an unknown contact field',
      { ...valid, contact: { fax: '1' } },
      'contact.fax',
      'is not a known field',
    ],
    [
      'an unparseable phone number',
      { ...valid, contact: { phone: 'ring mig' } },
      'contact.phone',
      'is not a phone number',
    ],
    [
      'a date that is not ISO 8601',
      { ...valid, occurredAt: 'igår kväll' },
      'occurredAt',
      'must be an ISO 8601 date-time',
    ],
    [
      'an event in the future',
      { ...valid, occurredAt: '2999-01-01T00:00:00Z' },
      'occurredAt',
      'is in the future',
    ],
    [
      'an e-mail reply without an address',
      { ...valid, replyChannel: 'email' },
      'contact.email',
      'is needed for a reply by e-mail',
    ],
    [
      'a category that is not a code',
      { ...valid, category: 'Staff Treatment!' },
      'category',
      'must be a kebab-case category code',
    ],
  ])('refuses %s with 400 naming the field', async (_what, body, field, reason) => {
    const response = await post(body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      instance: '/api/v1/cases',
    });
    expect(response.body.errors).toContainEqual({ field, reason });
  });

  it('refuses a body over the size limit with 413', async () => {
    // The general limit (32 KB in this app) on an ordinary JSON route …
    const explain = await request(app.server)
      .post('/api/v1/routing/explain')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ line: 'x'.repeat(40 * 1024) }))
      .expect(413);
    expect(explain.body).toMatchObject({
      status: 413,
      errors: [{ field: 'body', reason: 'is too large' }],
    });
    // … and the intake's own, which leaves room for three photos but no more.
    const intake = await post({ ...valid, description: 'x'.repeat(22 * 1024 * 1024) }).expect(413);
    expect(intake.body).toMatchObject({
      status: 413,
      errors: [{ field: 'body', reason: 'is too large' }],
    });
  });

  it('refuses a JSON array or scalar where an object is expected', async () => {
    for (const body of ['[]', '"text"', 'null']) {
      const response = await post(body);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });

  it('never answers 5xx to random bodies', async () => {
    // A deterministic pseudo-random walk over shapes a client might send by mistake.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = [
      null,
      true,
      0,
      -1,
      1e308,
      '',
      'x',
      '\u0000',
      '💥'.repeat(10),
      [],
      {},
      [1, 'a'],
      { a: { b: {} } },
    ];
    const fields = [
      'kind',
      'description',
      'line',
      'stop',
      'occurredAt',
      'language',
      'contact',
      'replyChannel',
      'category',
      '__proto__',
      'constructor',
    ];
    for (let i = 0; i < 60; i++) {
      const body: Record<string, unknown> = {};
      for (const field of fields)
        if (next() < 0.5) body[field] = values[Math.floor(next() * values.length)];
      const response = await post(JSON.stringify(body));
      expect(response.status).toBeLessThan(500);
      if (response.status === 201) {
        // Whatever is accepted is stored whole: the case and its acknowledgement job.
        const stored = await app.dataSource
          .getRepository(CaseEntity)
          .findOneByOrFail({ reference: response.body.reference });
        expect(
          await app.dataSource.getRepository(OutboxEntity).countBy({ caseId: stored.id }),
        ).toBe(1);
      }
    }
  });
});
