import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

describe('operations endpoints', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(() => app.close());

  it('is live, and ready when PostgreSQL and Redis answer', async () => {
    await request(app.server).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(app.server).get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves Prometheus metrics, counting cases by channel', async () => {
    await request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'question', description: 'Hej' })
      .expect(201);
    const response = await request(app.server).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/synpunkt_cases_created_total\{channel="api"\} [1-9]/);
    expect(response.text).toContain('synpunkt_http_request_duration_seconds_bucket');
    expect(response.text).not.toMatch(/route="\/api\/v1\/cases\/SP-/);
  });

  it('describes the JSON API in OpenAPI, generated from the DTOs', async () => {
    const { body } = await request(app.server).get('/api/openapi.json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{reference}']),
    );
    expect(body.components.schemas.CreateCaseDto.required).toEqual(
      expect.arrayContaining(['kind', 'description']),
    );
    const docs = await request(app.server).get('/api/docs').expect(200);
    expect(docs.text).toContain('swagger-ui');
  });

  it('sends security headers and a request id', async () => {
    const response = await request(app.server)
      .get('/health/live')
      .set('X-Request-Id', 'trace-abc-123');
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses routes that are not public until a user signs in', async () => {
    const guarded = await request(app.server)
      .get('/api/v1/routing/misroutes?from=2026-01&to=2026-02')
      .expect(401);
    expect(guarded.body).toMatchObject({ status: 401, code: 'auth.required' });
    const unknown = await request(app.server).get('/no/such/route').expect(404);
    expect(unknown.body).toMatchObject({ status: 404, type: 'about:blank' });
  });
});
