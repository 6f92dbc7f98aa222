import request from 'supertest';
import { CaseEventEntity } from '../src/cases/case-event.entity';
import { CaseEntity } from '../src/cases/case.entity';
import { TransfersService } from '../src/cases/transfers.service';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, TestApp } from './support/test-app';
import { loadDemoArea } from './support/demo-area';

describe('routing cases with the demo area (Uppsala, GTFS 2021)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: TestApp;

  beforeAll(async () => {
    database = await createIsolatedDatabase('routing');
    app = await createTestApp({ DATABASE_URL: database.url });
    await loadDemoArea(app);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const explain = (body: object) =>
    request(app.server).post('/api/v1/routing/explain').send(body).expect(200);

  it('explains a city line to its operator, with the reasons written out', async () => {
    const { body } = await explain({
      line: 'linje 4',
      category: 'staff-treatment',
      occurredAt: '2021-10-05T17:30:00+02:00',
    });
    expect(body).toMatchObject({
      contract: { code: 'UL-STAD-2019', name: 'Stadstrafik Uppsala' },
      responsible: { code: 'GUB', name: 'Gamla Uppsala Buss AB' },
      triage: false,
      candidates: [],
    });
    expect(body.reasons.join('\n')).toMatch(/9011003000400000/);
    expect(body.reasons.join('\n')).toMatch(/UL-STAD-2019/);
  });

  it('sends fares on any line to the authority, and stops in the city to the municipality', async () => {
    const fares = await explain({ line: '4', category: 'fares-tickets' });
    expect(fares.body).toMatchObject({
      contract: { code: 'UL-STAD-2019' },
      responsible: { code: 'UL' },
      triage: false,
    });
    const stops = await explain({ line: '4', category: 'stops-shelters' });
    expect(stops.body.responsible.code).toBe('UPPSALA-KOMMUN');
    const noLine = await explain({ category: 'fares-tickets' });
    expect(noLine.body).toMatchObject({
      contract: null,
      responsible: { code: 'UL' },
      triage: false,
    });
  });

  it("routes SL's lines to SL, not to UL", async () => {
    for (const line of ['579', 'SL-tåg', 'pendeltåget']) {
      const { body } = await explain({ line, category: 'punctuality' });
      expect({ line, responsible: body.responsible.code }).toEqual({ line, responsible: 'SL' });
    }
  });

  it('puts what it cannot decide in the authority triage, naming the candidates', async () => {
    const unknown = await explain({ line: 'linje 4711', category: 'punctuality' });
    expect(unknown.body).toMatchObject({
      triage: true,
      responsible: { code: 'UL' },
      contract: null,
    });
    const none = await explain({ category: 'punctuality' });
    expect(none.body).toMatchObject({ triage: true, responsible: { code: 'UL' } });
    expect(none.body.reasons.join(' ')).toMatch(/no line/i);
  });

  it('refuses malformed explain requests', async () => {
    const response = await request(app.server)
      .post('/api/v1/routing/explain')
      .send({ mode: 'zeppelin' })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'mode', reason: expect.stringContaining('must be one of') },
    ]);
  });

  it('stores the routing decision on the case in the intake transaction, with audit events', async () => {
    const { body } = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        category: 'staff-treatment',
        description: 'Otrevlig förare',
        line: 'buss 4',
        mode: 'bus',
      })
      .expect(201);
    expect(body.handledBy).toEqual({ code: 'GUB', name: 'Gamla Uppsala Buss AB' });
    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: body.reference });
    expect(stored).toMatchObject({
      triage: false,
      routingConfidence: expect.any(String),
      lineRef: '4',
      gtfsRouteId: '9011003000400000',
      // Kept for a re-route after a transfer.
      mode: 'bus',
    });
    expect(stored.routingReasons.length).toBeGreaterThan(1);
    const events = await app.dataSource
      .getRepository(CaseEventEntity)
      .find({ where: { caseId: stored.id }, order: { at: 'ASC' } });
    expect(events.map((event) => event.type)).toEqual(['created', 'routed']);
  });

  it('refuses a category the area does not have', async () => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'complaint', category: 'weather', description: 'Det regnade' })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'category', reason: 'is not a category of this area' },
    ]);
  });

  it('transfers a case back as not ours, re-routes or names the receiver, and counts the misroutes', async () => {
    const transfers = app.app.get(TransfersService);
    const { body } = await request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'complaint', category: 'punctuality', description: 'Sen buss', line: '4' })
      .expect(201);

    const rerouted = await transfers.transfer(body.reference, {
      reason: 'not-our-line',
      actor: 'test-handler',
    });
    // Nobody but GUB runs line 4, so without GUB the case goes to the authority's triage.
    expect(rerouted.case).toMatchObject({ triage: true, contractId: null });
    expect(rerouted.transfer).toMatchObject({ method: 'reroute', reason: 'not-our-line' });

    const named = await transfers.transfer(body.reference, {
      reason: 'other',
      toOrganisationCode: 'NOBINA',
      actor: 'test-handler',
    });
    expect(named.case.triage).toBe(false);
    await expect(
      transfers.transfer(body.reference, {
        reason: 'other',
        toOrganisationCode: 'NOBINA',
        actor: 'test-handler',
      }),
    ).rejects.toMatchObject({ code: 'cases.transfer-to-self' });
    await expect(
      transfers.transfer(body.reference, {
        reason: 'other',
        toOrganisationCode: 'NOPE',
        actor: 'test-handler',
      }),
    ).rejects.toMatchObject({ code: 'cases.transfer-unknown-party' });

    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: body.reference });
    const events = await app.dataSource
      .getRepository(CaseEventEntity)
      .findBy({ caseId: stored.id, type: 'transferred' });
    expect(events).toHaveLength(2);
    expect(events[0].data).toMatchObject({
      reason: 'not-our-line',
      before: { triage: false },
      after: { triage: true },
    });

    const month = new Date().toISOString().slice(0, 7);
    const counts = await transfers.misrouteCounts(month, month);
    expect(counts).toEqual(
      expect.arrayContaining([{ contractCode: 'UL-STAD-2019', month, transfers: 1 }]),
    );
    // Another operator counts only its own contracts: GUB's misroute is not Nobina's to see.
    const nobina = await app.dataSource.query<{ id: string }[]>(
      "SELECT id FROM organisations WHERE code = 'NOBINA'",
    );
    const theirs = await transfers.misrouteCounts(month, month, {
      organisationId: nobina[0].id,
      organisationKind: 'operator',
    });
    expect(theirs.map((row) => row.contractCode)).not.toContain('UL-STAD-2019');
  });

  it('keeps transfers and misroute counts behind sign-in', async () => {
    await request(app.server)
      .post('/api/v1/cases/SP-2026-000001/transfer')
      .send({ reason: 'other' })
      .expect(401);
    await request(app.server).get('/api/v1/routing/misroutes?from=2026-01&to=2026-12').expect(401);
  });
});
