import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { CaseEntity } from '../src/cases/case.entity';
import { QueueName } from '../src/infra/queue/queue.registry';
import { OutboxDispatcher, outboxJobId } from '../src/notifications/outbox.dispatcher';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { DisposableRedis } from './support/disposable-redis';
import { loadDemoArea } from './support/demo-area';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, eventually, TestApp } from './support/test-app';

describe('a Redis outage', () => {
  let redis: DisposableRedis;
  let smtp: SmtpSink;
  let app: TestApp;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    smtp = new SmtpSink();
    app = await createTestApp({ REDIS_URL: redis.url, SMTP_URL: await smtp.start() });
  });

  afterAll(async () => {
    await app.close();
    await redis.down();
    await smtp.stop();
  });

  it('makes readiness fail but loses no report; the acknowledgement goes out once Redis is back', async () => {
    await request(app.server).get('/health/ready').expect(200);
    await redis.down();

    const notReady = await eventually(
      async () => {
        const response = await request(app.server).get('/health/ready');
        return response.status === 503 ? response : undefined;
      },
      { what: 'readiness to fail' },
    );
    expect(notReady.body.details.redis.status).toBe('down');
    expect(notReady.body.details.postgres.status).toBe('up');

    const { body } = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        description: 'Tåget stod still i en timme.',
        contact: { email: 'c@example.se' },
      })
      .expect(201);
    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: body.reference });
    const pending = await app.dataSource
      .getRepository(OutboxEntity)
      .findOneByOrFail({ caseId: stored.id });
    // Committed and waiting: pending, or claimed by an add that Redis will never answer.
    expect(['pending', 'dispatched']).toContain(pending.status);

    await redis.up();
    await eventually(async () => (await request(app.server).get('/health/ready')).status === 200, {
      what: 'readiness to return',
    });
    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail.subject).toContain(body.reference);
    await eventually(
      () =>
        app.dataSource.getRepository(OutboxEntity).findOneBy({ id: pending.id, status: 'done' }),
      {
        what: 'the outbox row to finish',
      },
    );
    // Dispatch retries must not turn into a second message.
    await app.app.get(OutboxDispatcher).drain();
    expect(smtp.received.filter((m) => m.subject.includes(body.reference))).toHaveLength(1);
  }, 60_000);

  it('dispatches again the jobs a restarted Redis forgot, so no acknowledgement is lost', async () => {
    // An api-only process dispatches but does not work the queue, so the job sits in Redis.
    const api = await createTestApp({
      REDIS_URL: redis.url,
      SMTP_URL: app.config.SMTP_URL,
      SYNPUNKT_ROLE: 'api',
    });
    try {
      const { body } = await request(api.server)
        .post('/api/v1/cases')
        .send({
          kind: 'question',
          description: 'Går bussen på juldagen?',
          contact: { email: 'd@example.se' },
        })
        .expect(201);
      const stored = await api.dataSource
        .getRepository(CaseEntity)
        .findOneByOrFail({ reference: body.reference });
      const row = await eventually(() =>
        api.dataSource
          .getRepository(OutboxEntity)
          .findOneBy({ caseId: stored.id, status: 'dispatched' }),
      );

      // Redis keeps nothing on disk here: a restart loses every queued job.
      await redis.down();
      await redis.up();
      const dispatcher = api.app.get(OutboxDispatcher);
      await eventually(async () => (await dispatcher.sweepStaleClaims(0)) === 1, {
        what: 'the lost job to be found',
        timeoutMs: 20_000,
      });

      const worker = await createTestApp({
        REDIS_URL: redis.url,
        SMTP_URL: app.config.SMTP_URL,
        SYNPUNKT_ROLE: 'worker',
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        DATABASE_URL: api.config.DATABASE_URL,
      });
      try {
        await eventually(
          () =>
            worker.dataSource.getRepository(OutboxEntity).findOneBy({ id: row.id, status: 'done' }),
          {
            what: 'the re-dispatched acknowledgement',
            timeoutMs: 20_000,
          },
        );
      } finally {
        await worker.close();
      }
      expect(smtp.received.filter((m) => m.to.includes('d@example.se'))).toHaveLength(1);
    } finally {
      await api.close();
    }
  }, 60_000);

  it('dispatches again a deadline check that a restarted Redis forgot, once it falls due', async () => {
    const api = await createTestApp({
      REDIS_URL: redis.url,
      SMTP_URL: app.config.SMTP_URL,
      SYNPUNKT_ROLE: 'api',
    });
    try {
      await loadDemoArea(api, { feed: false });
      const { body } = await request(api.server)
        .post('/api/v1/cases')
        .send({ kind: 'complaint', category: 'fares-tickets', description: 'Fel pris.' })
        .expect(201);
      const { deadlineCheckId } = await api.dataSource
        .getRepository(CaseEntity)
        .findOneByOrFail({ reference: body.reference });
      const checkId = deadlineCheckId!;
      const queue = api.app.get<Queue>(getQueueToken(QueueName.Deadlines));
      const job = await eventually(() => queue.getJob(outboxJobId(checkId)), {
        what: 'the delayed check in Redis',
      });
      expect(await job.isDelayed()).toBe(true);

      await redis.down();
      await redis.up();
      await eventually(async () => !(await queue.getJob(outboxJobId(checkId)).catch(() => 1)), {
        what: 'Redis to come back empty',
        timeoutMs: 20_000,
      });
      const dispatcher = api.app.get(OutboxDispatcher);
      // The acknowledgement (no worker here) was lost too and goes again at once; the
      // check is not due for days, so the sweep does not look for it yet.
      expect(await dispatcher.sweepStaleClaims(0)).toBe(1);
      expect(
        await api.dataSource.getRepository(OutboxEntity).findOneByOrFail({ id: checkId }),
      ).toMatchObject({ status: 'dispatched' });
      expect(await queue.getJob(outboxJobId(checkId))).toBeFalsy();

      // Its moment passes while Redis has no job: the sweep finds the row and sends it again.
      await api.dataSource.query(
        `UPDATE outbox SET run_at = now() - interval '2 minutes', dispatched_at = now() - interval '2 minutes'
          WHERE id = $1`,
        [checkId],
      );
      await eventually(async () => (await dispatcher.sweepStaleClaims(60)) === 1, {
        what: 'the lost check to be found',
      });
      await eventually(() => queue.getJob(outboxJobId(checkId)), {
        what: 'the check back in the queue',
      });
    } finally {
      await api.close();
    }
  }, 60_000);
});
