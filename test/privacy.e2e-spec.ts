import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '../src/infra/queue/queue.registry';
import { NIGHTLY_ANONYMISATION } from '../src/privacy/privacy.processor';
import { AnonymisationService } from '../src/privacy/anonymisation.service';
import { loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, TestApp } from './support/test-app';

interface CaseRow {
  id: string;
  description: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  vehicle_number: string | null;
  stop_text: string | null;
  line_text: string | null;
  line_ref: string | null;
  category: string | null;
  kind: string;
  channel: string;
  status: string;
  contract_id: string | null;
  responsible_organisation_id: string | null;
  created_at: Date;
  anonymised_at: Date | null;
  matches: boolean;
}

describe('personal data', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' });
    await loadDemoArea(app, { feed: false });
    admin = (
      await signIn(app.server, await newUser(app, { organisationCode: 'UL', role: 'admin' }))
    ).cookie;
  });

  afterAll(async () => {
    await app.close();
  });

  /** A traveller of the test's own: an address and a number no other test's cases carry. */
  const traveller = () => {
    const digits = String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0');
    return {
      name: 'Anna Andersson',
      email: `anna-${randomBytes(4).toString('hex')}@example.se`,
      phone: `+46 70${digits}`,
      e164: `+4670${digits}`,
    };
  };

  const report = async (contact: { name: string; email: string; phone: string }) => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        category: 'punctuality',
        description: 'Bussen kom aldrig, ring mig på mitt nummer',
        line: '4',
        stop: 'Centralstationen',
        vehicleNumber: '7412',
        occurredAt: '2026-11-20T07:45:00+01:00',
        language: 'sv',
        contact: { name: contact.name, email: contact.email, phone: contact.phone },
      })
      .expect(201);
    const reference = (response.body as { reference: string }).reference;
    const [row] = await app.dataSource.query<{ id: string }[]>(
      'SELECT id FROM cases WHERE reference = $1',
      [reference],
    );
    await app.dataSource.query(
      `INSERT INTO case_messages (case_id, direction, channel, body) VALUES ($1, 'inbound', 'email', 'Mitt namn är Anna')`,
      [row.id],
    );
    return reference;
  };

  const caseRow = async (reference: string): Promise<CaseRow> => {
    const [row] = await app.dataSource.query<CaseRow[]>(
      `SELECT *, search_vector @@ to_tsquery('swedish', 'bussen') AS matches FROM cases WHERE reference = $1`,
      [reference],
    );
    return row;
  };
  const eventsOf = (reference: string) =>
    app.dataSource.query<{ actor: string; type: string; data: Record<string, unknown> }[]>(
      `SELECT actor, type, data FROM case_events
        WHERE case_id = (SELECT id FROM cases WHERE reference = $1) ORDER BY at, id`,
      [reference],
    );
  const messagesOf = (reference: string) =>
    app.dataSource.query<{ body: string }[]>(
      `SELECT body FROM case_messages WHERE case_id = (SELECT id FROM cases WHERE reference = $1)
       UNION ALL
       SELECT body FROM outbound_messages WHERE case_id = (SELECT id FROM cases WHERE reference = $1)`,
      [reference],
    );
  const resolve = (reference: string, daysAgo: number) =>
    app.dataSource.query(
      `UPDATE cases SET status = 'resolved', line_ref = '4', updated_at = now() - make_interval(days => $2)
        WHERE reference = $1`,
      [reference, daysAgo],
    );

  describe(AnonymisationService.name, () => {
    it('is scheduled nightly on the privacy queue when the app starts as a worker', async () => {
      const queue = app.app.get<Queue>(getQueueToken(QueueName.Privacy));
      const scheduler = await queue.getJobScheduler(NIGHTLY_ANONYMISATION.schedulerId);
      expect(scheduler).toMatchObject({ pattern: '15 3 * * *', tz: 'Europe/Stockholm' });
    });

    it('anonymises a case resolved longer ago than the retention, keeping the statistics', async () => {
      const old = await report(traveller());
      const recent = await report(traveller());
      await resolve(old, 400);
      await resolve(recent, 10);
      const before = await caseRow(old);
      expect(before.matches).toBe(true);

      const summary = await app.app.get(AnonymisationService).anonymiseExpired(new Date());
      expect(summary.retentionDays).toBe(365);
      expect(summary.cases).toBeGreaterThanOrEqual(1);

      const after = await caseRow(old);
      expect(after).toMatchObject({
        description: '[anonymiserad]',
        contact_name: null,
        contact_email: null,
        contact_phone: null,
        vehicle_number: null,
        stop_text: null,
        line_text: null,
        matches: false,
        anonymised_at: expect.any(Date),
        // What the statistics count stays.
        line_ref: before.line_ref,
        category: 'punctuality',
        kind: 'complaint',
        channel: 'api',
        status: 'resolved',
        contract_id: before.contract_id,
        responsible_organisation_id: before.responsible_organisation_id,
        created_at: before.created_at,
      });
      expect(before.line_ref).toBe('4');
      for (const message of await messagesOf(old)) expect(message.body).toBe('[anonymiserad]');
      const events = (await eventsOf(old)).filter((event) => event.type === 'anonymised');
      expect(events).toEqual([
        { actor: 'system', type: 'anonymised', data: { reason: 'retention', retentionDays: 365 } },
      ]);

      const untouched = await caseRow(recent);
      expect(untouched.contact_email).not.toBeNull();
      expect(untouched.description).toContain('Bussen');
      expect(untouched.anonymised_at).toBeNull();
      expect((await messagesOf(recent)).map((message) => message.body)).toContain(
        'Mitt namn är Anna',
      );

      // A second run finds nothing more to do.
      await app.app.get(AnonymisationService).anonymiseExpired(new Date());
      expect((await caseRow(old)).anonymised_at).toEqual(after.anonymised_at);
      expect((await eventsOf(old)).filter((event) => event.type === 'anonymised')).toHaveLength(1);
    });
  });

  describe('export and erasure', () => {
    it('exports every case of the traveller with the thread, and records it on each case', async () => {
      const anna = traveller();
      const first = await report(anna);
      const second = await report({ ...anna, email: 'annan@example.se' });
      const someoneElse = await report(traveller());

      const response = await request(app.server)
        .post('/api/v1/privacy/export')
        .set('Cookie', admin)
        .send({ phone: anna.phone.replace('+46 ', '0') })
        .expect(200);
      const body = response.body as {
        cases: Array<{ reference: string; contact: { email: string }; messages: unknown[] }>;
      };
      expect(body.cases.map((row) => row.reference).sort()).toEqual([first, second].sort());
      expect(body.cases[0]).toMatchObject({
        description: 'Bussen kom aldrig, ring mig på mitt nummer',
        contact: { name: 'Anna Andersson', phone: anna.e164 },
      });
      expect(body.cases[0].messages).toEqual(
        expect.arrayContaining([expect.objectContaining({ body: 'Mitt namn är Anna' })]),
      );

      const byEmail = await request(app.server)
        .post('/api/v1/privacy/export')
        .set('Cookie', admin)
        .send({ email: anna.email.toUpperCase() })
        .expect(200);
      expect((byEmail.body as typeof body).cases.map((row) => row.reference)).toEqual([first]);

      const exported = (await eventsOf(first)).filter(
        (event) => event.type === 'personal-data-exported',
      );
      expect(exported).toHaveLength(2);
      expect(exported[0].actor).toMatch(/^[0-9a-f-]{36}$/);
      expect(exported[0].data).toEqual({});
      expect(
        (await eventsOf(someoneElse)).filter((event) => event.type === 'personal-data-exported'),
      ).toEqual([]);
    });

    it('erases the traveller now, open cases too, and records it', async () => {
      const anna = traveller();
      const open = await report(anna);
      const other = await report(traveller());

      const response = await request(app.server)
        .post('/api/v1/privacy/erase')
        .set('Cookie', admin)
        .send({ email: anna.email })
        .expect(200);
      expect(response.body).toEqual({ references: [open] });

      const row = await caseRow(open);
      expect(row).toMatchObject({
        contact_email: null,
        contact_phone: null,
        description: '[anonymiserad]',
        status: 'new',
        anonymised_at: expect.any(Date),
      });
      const erased = (await eventsOf(open)).filter(
        (event) => event.type === 'personal-data-erased',
      );
      expect(erased).toHaveLength(1);
      expect(erased[0].data).toEqual({});
      expect((await caseRow(other)).contact_email).not.toBeNull();
    });

    it("refuses an operator's admin and a handler, and a request that names nobody", async () => {
      const operatorAdmin = (
        await signIn(app.server, await newUser(app, { organisationCode: 'GUB', role: 'admin' }))
      ).cookie;
      const handler = (await signIn(app.server, await newUser(app, { organisationCode: 'UL' })))
        .cookie;
      for (const path of ['/api/v1/privacy/export', '/api/v1/privacy/erase']) {
        await request(app.server)
          .post(path)
          .set('Cookie', operatorAdmin)
          .send({ email: 'a@example.se' })
          .expect(403);
        await request(app.server)
          .post(path)
          .set('Cookie', handler)
          .send({ email: 'a@example.se' })
          .expect(403);
        await request(app.server).post(path).send({ email: 'a@example.se' }).expect(401);
        const empty = await request(app.server)
          .post(path)
          .set('Cookie', admin)
          .send({})
          .expect(400);
        expect(JSON.stringify(empty.body)).toContain('email');
        await request(app.server)
          .post(path)
          .set('Cookie', admin)
          .send({ phone: 'inget nummer' })
          .expect(400);
      }
    });
  });
});
