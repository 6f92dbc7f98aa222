import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseEntity } from '../src/cases/case.entity';
import { loadConfig } from '../src/infra/config/app-config';
import { dataSourceOptions } from '../src/infra/database/data-source-options';
import { pendingSchemaDrift } from '../src/infra/database/migrations';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { createTestApp, eventually } from './support/test-app';

describe('service roles', () => {
  it('lets an api process store and dispatch while only a worker process sends', async () => {
    const api = await createTestApp({ SYNPUNKT_ROLE: 'api' });
    try {
      const { body } = await request(api.server)
        .post('/api/v1/cases')
        .send({ kind: 'question', description: 'Var köper jag biljett?' })
        .expect(201);
      const stored = await api.dataSource
        .getRepository(CaseEntity)
        .findOneByOrFail({ reference: body.reference });
      const dispatched = await eventually(() =>
        api.dataSource
          .getRepository(OutboxEntity)
          .findOneBy({ caseId: stored.id, status: 'dispatched' }),
      );
      expect(dispatched.attempts).toBe(0);

      // A worker on the same queue prefix picks the job up.
      const worker = await createTestApp({
        SYNPUNKT_ROLE: 'worker',
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        DATABASE_URL: api.config.DATABASE_URL,
      });
      try {
        expect(worker.server).toBeUndefined();
        const done = await eventually(() =>
          worker.dataSource
            .getRepository(OutboxEntity)
            .findOneBy({ id: dispatched.id, status: 'done' }),
        );
        expect(done.attempts).toBe(1);
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
    }
  });
});

describe('the schema', () => {
  it('matches the entities once the migrations have run', async () => {
    const dataSource = await new DataSource(
      dataSourceOptions(loadConfig(process.env)),
    ).initialize();
    try {
      expect(await pendingSchemaDrift(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
