import request from 'supertest';
import { issueCsrfToken } from '../src/auth/csrf-token';
import { PartnershipRepository } from '../src/partnership/partnership.repository';
import { RidershipService } from '../src/ridership/ridership.service';
import { actionTokenOf } from './support/case-desk';
import { loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, FrozenClock, TestApp } from './support/test-app';

describe('the partnership cycle', () => {
  let app: TestApp;
  const clock = new FrozenClock('2026-03-11T10:00:00Z');
  const cookies: Record<string, string> = {};
  let stadId: string;
  let otherContract: string;

  beforeAll(async () => {
    app = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
    await loadDemoArea(app, { feed: false });
    for (const [key, organisationCode, role] of [
      ['ulAdmin', 'UL', 'admin'],
      ['ulHandler', 'UL', 'handler'],
      ['ulForum', 'UL', 'forum'],
      ['gubHandler', 'GUB', 'handler'],
      ['gubSupervisor', 'GUB', 'supervisor'],
      ['nobinaSupervisor', 'NOBINA', 'supervisor'],
    ])
      cookies[key] = (
        await signIn(app.server, await newUser(app, { organisationCode, role }))
      ).cookie;
    [{ id: stadId }] = await app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM contracts WHERE code = 'UL-STAD-2019'`,
    );
    [{ code: otherContract }] = await app.dataSource.query<{ code: string }[]>(
      `SELECT c.code FROM contracts c JOIN organisations o ON o.id = c.operator_id
        WHERE o.code <> 'GUB' ORDER BY c.code LIMIT 1`,
    );
  }, 60_000);

  afterAll(() => app.close());

  const api = (who: string) => ({
    get: (path: string) =>
      request(app.server).get(`/api/v1/partnership${path}`).set('Cookie', cookies[who]),
    post: (path: string, body: object) =>
      request(app.server).post(`/api/v1/partnership${path}`).set('Cookie', cookies[who]).send(body),
    patch: (path: string, body: object) =>
      request(app.server)
        .patch(`/api/v1/partnership${path}`)
        .set('Cookie', cookies[who])
        .send(body),
  });

  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field).sort();

  let cycleId: string;

  it('lets only the authority admins keep forums and cycles, and names each bad field', async () => {
    await api('gubHandler').post('/forums', { code: 'F1', name: 'Forum' }).expect(403);
    await api('ulHandler').post('/forums', { code: 'F1', name: 'Forum' }).expect(403);
    const bad = await api('ulAdmin')
      .post('/forums', { code: 'x y', name: '', members: ['inte-en-adress'], contract: 'NOPE' })
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(['code', 'members', 'name']);
    const unknownContract = await api('ulAdmin')
      .post('/forums', { code: 'F1', name: 'Forum', contract: 'NOPE' })
      .expect(400);
    expect(unknownContract.body.errors).toEqual([
      { field: 'contract', reason: '"NOPE" is not a contract of the area' },
    ]);

    const forum = await api('ulAdmin')
      .post('/forums', {
        code: 'STAD',
        name: 'Stadsforum',
        contract: 'UL-STAD-2019',
        members: ['Anna@UL.example', 'gustav@gub.example'],
      })
      .expect(201);
    expect(forum.body).toMatchObject({
      code: 'STAD',
      contract: { code: 'UL-STAD-2019' },
      members: ['anna@ul.example', 'gustav@gub.example'],
      cycles: [],
    });
    await api('ulAdmin').post('/forums', { code: 'STAD', name: 'Igen' }).expect(409);

    await api('gubHandler')
      .post('/cycles', {
        forum: 'STAD',
        code: '2026H1',
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
        focusAreas: [],
      })
      .expect(403);
    const badCycle = await api('ulAdmin')
      .post('/cycles', {
        forum: 'STAD',
        code: '2026H1',
        startsOn: '2026-07-01',
        endsOn: '2026-06-30',
        focusAreas: ['punctuality', 'no-such-area'],
      })
      .expect(400);
    expect(fieldsOf(badCycle.body)).toEqual(['endsOn', 'focusAreas.1']);
    const notADate = await api('ulAdmin')
      .post('/cycles', {
        forum: 'STAD',
        code: '2026H1',
        startsOn: '2026-02-30',
        endsOn: '2026-06-30',
        focusAreas: [],
      })
      .expect(400);
    expect(notADate.body.errors).toEqual([
      { field: 'startsOn', reason: 'must be a real date YYYY-MM-DD' },
    ]);
    const withCycle = await api('ulAdmin')
      .post('/cycles', {
        forum: 'STAD',
        code: '2026H1',
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
        focusAreas: ['staff-treatment'],
      })
      .expect(201);
    cycleId = withCycle.body.cycles[0].id;
    expect(withCycle.body.cycles[0]).toMatchObject({
      code: '2026H1',
      focusAreas: ['staff-treatment'],
    });

    // Supervisors of the authority record reflections and decisions; operators do not.
    const supervisor = (await signIn(app.server, await newUser(app, { role: 'supervisor' })))
      .cookie;
    await api('gubSupervisor').post(`/cycles/${cycleId}/record`, { reflections: 'x' }).expect(403);
    const recorded = await request(app.server)
      .post(`/api/v1/partnership/cycles/${cycleId}/record`)
      .set('Cookie', supervisor)
      .send({ reflections: 'Bemötandet brister på kvällarna.', decisions: 'Utbilda förarna.' })
      .expect(200);
    expect(recorded.body.cycles[0]).toMatchObject({
      reflections: 'Bemötandet brister på kvällarna.',
      decisions: 'Utbilda förarna.',
      closedAt: null,
    });
    const events = await app.dataSource.query<{ what: string; entity: string }[]>(
      `SELECT what, entity FROM partnership_events WHERE entity IN ('forum', 'cycle') ORDER BY at, what`,
    );
    expect(events.map((event) => `${event.entity}:${event.what}`).sort()).toEqual([
      'cycle:create',
      'cycle:record',
      'forum:create',
    ]);
  });

  let gubActionId: string;

  it("lets an operator's supervisor record actions of its own organisation, seen by it and the authority only", async () => {
    const action = {
      title: 'Bemötandeutbildning för kvällsförare',
      rootCauses: ['staff-conduct'],
      focusAreas: ['staff-treatment'],
      decidedOn: '2026-03-01',
      dueOn: '2026-06-30',
    };
    await api('gubHandler').post('/actions', action).expect(403);
    await api('ulForum').post('/actions', action).expect(403);
    await api('gubSupervisor')
      .post('/actions', { ...action, owner: 'NOBINA' })
      .expect(403);
    const notOurs = await api('gubSupervisor')
      .post('/actions', { ...action, contracts: [otherContract] })
      .expect(400);
    expect(notOurs.body.errors).toEqual([
      { field: 'contracts.0', reason: `"${otherContract}" is not a contract of yours` },
    ]);

    const created = await api('gubSupervisor').post('/actions', action).expect(201);
    gubActionId = created.body.id;
    expect(created.body).toMatchObject({
      title: action.title,
      owner: { code: 'GUB' },
      status: 'planned',
      dueOn: '2026-06-30',
      effect: { windowDays: 10 },
    });
    expect(created.body.contracts.map((c: { code: string }) => c.code)).toContain('UL-STAD-2019');

    const nobina = await api('nobinaSupervisor').get('/actions').expect(200);
    expect(nobina.body.map((a: { id: string }) => a.id)).not.toContain(gubActionId);
    await api('nobinaSupervisor').get(`/actions/${gubActionId}`).expect(404);
    await api('nobinaSupervisor').patch(`/actions/${gubActionId}`, { status: 'done' }).expect(404);
    const ul = await api('ulHandler').get('/actions').expect(200);
    expect(ul.body.map((a: { id: string }) => a.id)).toContain(gubActionId);
    await api('gubHandler').patch(`/actions/${gubActionId}`, { status: 'done' }).expect(403);
    const started = await api('gubSupervisor')
      .patch(`/actions/${gubActionId}`, { status: 'in-progress' })
      .expect(200);
    expect(started.body.status).toBe('in-progress');
    const [event] = await app.dataSource.query<
      { what: string; before: { status: string }; after: { status: string } }[]
    >(
      `SELECT what, before, after FROM partnership_events WHERE entity_id = $1 AND what = 'status'`,
      [gubActionId],
    );
    expect(event).toMatchObject({
      before: { status: 'planned' },
      after: { status: 'in-progress' },
    });
  });

  it('refuses bad actions naming each field', async () => {
    const response = await api('ulAdmin')
      .post('/actions', {
        title: '',
        rootCauses: ['nope'],
        focusAreas: 'punctuality',
        decidedOn: '2026-02-30',
        status: 'finished',
        extra: 1,
      })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual([
      'decidedOn',
      'extra',
      'focusAreas',
      'status',
      'title',
    ]);
    const semantic = await api('ulAdmin')
      .post('/actions', {
        title: 'X',
        rootCauses: ['nope'],
        focusAreas: [],
        contracts: ['NOPE'],
        owner: 'NOPE',
        decidedOn: '2026-03-01',
        dueOn: '2026-02-01',
      })
      .expect(400);
    expect(fieldsOf(semantic.body)).toEqual(['contracts.0', 'dueOn', 'owner', 'rootCauses.0']);
  });

  it('computes the effect against a hand-computed fixture', async () => {
    // Ridership of the city contract: 100,000 boardings a day in February and in March.
    await app.app
      .get(RidershipService)
      .importText(
        'month,contract,line,boardings\n2026-02,UL-STAD-2019,,2 800 000\n2026-03,UL-STAD-2019,,3 100 000\n',
      );
    const [{ id: syd }] = await app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM contracts WHERE id <> $1 ORDER BY code LIMIT 1`,
      [stadId],
    );
    const cases: {
      at: string;
      kind?: string;
      focus?: string[];
      causes?: string[];
      contract?: string;
      merged?: boolean;
    }[] = [
      // Before: 19–28 February (local days).
      { at: '2026-02-19T00:30:00+01:00', focus: ['staff-treatment'] },
      { at: '2026-02-20T12:00:00+01:00', focus: ['staff-treatment'] },
      { at: '2026-02-20T13:00:00+01:00', focus: ['staff-treatment', 'punctuality'] },
      { at: '2026-02-28T23:30:00+01:00', focus: [], causes: ['staff-conduct'] },
      { at: '2026-02-18T23:30:00+01:00', focus: ['staff-treatment'] }, // a day too early
      { at: '2026-02-25T10:00:00+01:00', kind: 'praise', focus: ['staff-treatment'] },
      { at: '2026-02-25T10:00:00+01:00', focus: ['staff-treatment'], contract: syd },
      { at: '2026-02-25T10:00:00+01:00', focus: ['staff-treatment'], merged: true },
      { at: '2026-02-25T10:00:00+01:00', focus: ['punctuality'] },
      // After: 1–10 March.
      { at: '2026-03-01T00:00:00+01:00', focus: ['staff-treatment'] },
      { at: '2026-03-10T23:59:00+01:00', focus: [], causes: ['staff-conduct'] },
      { at: '2026-03-11T00:30:00+01:00', focus: ['staff-treatment'] }, // today: not yet counted
    ];
    const ids: string[] = [];
    for (const fixture of cases) {
      const response = await request(app.server)
        .post('/api/v1/cases')
        .send({
          kind: 'complaint',
          language: 'sv',
          category: 'staff-treatment',
          description: 'Otrevlig förare',
          line: '4',
        })
        .expect(201);
      const [{ id }] = await app.dataSource.query<{ id: string }[]>(
        'SELECT id FROM cases WHERE reference = $1',
        [response.body.reference],
      );
      ids.push(id);
      await app.dataSource.query(
        `UPDATE cases SET created_at = $2, kind = $3, focus_areas = $4, root_causes = $5,
                contract_id = $6, merged_into_case_id = $7 WHERE id = $1`,
        [
          id,
          new Date(fixture.at),
          fixture.kind ?? 'complaint',
          fixture.focus ?? [],
          fixture.causes ?? [],
          fixture.contract ?? stadId,
          fixture.merged ? ids[0] : null,
        ],
      );
    }
    const created = await api('ulAdmin')
      .post('/actions', {
        title: 'Effektmätning',
        rootCauses: ['staff-conduct'],
        focusAreas: ['staff-treatment'],
        contracts: ['UL-STAD-2019'],
        owner: 'GUB',
        decidedOn: '2026-03-01',
        cycle: cycleId,
      })
      .expect(201);
    expect(created.body.cycle).toEqual({ id: cycleId, code: '2026H1', forumCode: 'STAD' });
    expect(created.body.effect).toEqual({
      windowDays: 10,
      before: {
        from: '2026-02-19',
        to: '2026-02-28',
        cases: 4,
        boardings: 1_000_000,
        per100k: 0.4,
      },
      after: { from: '2026-03-01', to: '2026-03-10', cases: 2, boardings: 1_000_000, per100k: 0.2 },
      change: 0.5,
      basis: 'per100k',
    });

    // The report engine's view: open actions of the city contract, with the same effect.
    const open = await app.app
      .get(PartnershipRepository)
      .openActions({ contractId: stadId }, clock.now());
    const measured = open.find((action) => action.id === created.body.id);
    expect(measured?.owner.name).toBe('Gamla Uppsala Buss AB');
    expect(measured?.effect.change).toBe(0.5);
    expect(open.map((action) => action.id)).toContain(gubActionId);
    const ridership = await app.app
      .get(PartnershipRepository)
      .ridershipFor(['2026-02', '2026-03', '2026-04'], [stadId]);
    expect(ridership.map((row) => [row.month, row.boardings])).toEqual([
      ['2026-02', 2_800_000],
      ['2026-03', 3_100_000],
    ]);

    // Without ridership for April, a window reaching into it has counts only.
    // (Measured directly: 40 days on, the test's sessions would have expired.)
    const later = await app.app.get(PartnershipRepository).effectOf(
      {
        decidedOn: '2026-03-01',
        focusAreas: ['staff-treatment'],
        rootCauses: ['staff-conduct'],
        contractIds: [stadId],
      },
      new Date('2026-04-20T10:00:00Z'),
    );
    expect(later).toMatchObject({
      windowDays: 50,
      before: { from: '2026-01-10', to: '2026-02-28', cases: 5 },
      after: { from: '2026-03-01', to: '2026-04-19', cases: 3, boardings: null, per100k: null },
      change: 0.6,
      basis: 'cases',
    });
  });

  it('renders the partnership page and takes its forms with their CSRF token', async () => {
    const page = await request(app.server)
      .get('/inbox/partnership?lang=sv')
      .set('Cookie', cookies.ulAdmin)
      .expect(200);
    expect(page.text).toContain('Partnerskap');
    expect(page.text).toContain('Stadsforum');
    expect(page.text).toContain('anna@ul.example');
    expect(page.text).toContain('Bemötandeutbildning för kvällsförare');
    expect(page.text).toContain('Ändras i områdesfilen');
    expect(page.text).toContain('0,4 per 100 000');
    expect(page.text).toContain('−50 %');
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)|style=/);

    const english = await request(app.server)
      .get('/inbox/partnership?lang=en')
      .set('Cookie', cookies.ulForum)
      .expect(200);
    expect(english.text).toContain('Edited in the area file');
    expect(english.text).not.toContain('name="title"');
    expect(english.text).not.toContain('name="reflections"');

    const action = `/inbox/partnership/cycles/${cycleId}/record?lang=sv`;
    await request(app.server)
      .post(action)
      .set('Cookie', cookies.ulAdmin)
      .type('form')
      .send({ reflections: 'Utan token', decisions: '' })
      .expect(403);
    await request(app.server)
      .post(action)
      .set('Cookie', cookies.ulAdmin)
      .type('form')
      .send({
        csrf: actionTokenOf(page.text),
        reflections: 'Förarna har fått utbildning.',
        decisions: 'Följ upp i juni.',
        close: 'true',
      })
      .expect(303)
      .expect('Location', '/inbox/partnership?lang=sv');
    const [cycle] = await app.dataSource.query<{ reflections: string; closed_at: Date | null }[]>(
      'SELECT reflections, closed_at FROM cycles WHERE id = $1',
      [cycleId],
    );
    expect(cycle.reflections).toBe('Förarna har fått utbildning.');
    expect(cycle.closed_at).not.toBeNull();

    // A refused form shows the page again with the errors and what was typed.
    const refused = await request(app.server)
      .post('/inbox/partnership/actions?lang=sv')
      .set('Cookie', cookies.ulAdmin)
      .type('form')
      .send({ csrf: actionTokenOf(page.text), title: 'Ny skylt', decidedOn: '2026-02-30' })
      .expect(400);
    expect(refused.text).toContain('decidedOn');
    expect(refused.text).toContain('value="Ny skylt"');
    await request(app.server)
      .post('/inbox/partnership/actions?lang=sv')
      .set('Cookie', cookies.ulAdmin)
      .type('form')
      .send({
        csrf: actionTokenOf(page.text),
        title: 'Ny skylt',
        focusAreas: 'disruption-information',
        owner: 'UL',
        decidedOn: '2026-03-05',
      })
      .expect(303);
    const listed = await api('ulAdmin').get('/actions').expect(200);
    expect(listed.body.map((a: { title: string }) => a.title)).toContain('Ny skylt');
  });

  it("lets the authority's admins create and change forums and cycles through the page's forms", async () => {
    const page = await request(app.server)
      .get('/inbox/partnership?lang=sv')
      .set('Cookie', cookies.ulAdmin)
      .expect(200);
    expect(page.text).toContain('Nytt forum');
    expect(page.text).toContain('Ny cykel');
    expect(page.text).toContain('action="/inbox/partnership/forums?lang');
    const csrf = actionTokenOf(page.text);
    const post = (path: string, body: Record<string, unknown>) =>
      request(app.server)
        .post(`/inbox/partnership${path}?lang=sv`)
        .set('Cookie', cookies.ulAdmin)
        .type('form')
        .send({ csrf, ...body });
    const forumRow = async (code: string) =>
      (
        await app.dataSource.query<
          { id: string; name: string; members: string[]; contract_id: string | null }[]
        >('SELECT id, name, members, contract_id FROM forums WHERE code = $1', [code])
      )[0];

    // A refused forum: the page again with the errors and what was typed; nothing stored.
    const badForum = await post('/forums', {
      code: 'SIDFORUM',
      name: 'Sidans forum',
      contract: 'UL-STAD-2019',
      members: 'inte-en-adress',
    }).expect(400);
    expect(badForum.text).toContain('members');
    expect(badForum.text).toContain('value="Sidans forum"');
    expect(badForum.text).toContain('inte-en-adress</textarea>');
    expect(await forumRow('SIDFORUM')).toBeUndefined();

    await post('/forums', {
      code: 'SIDFORUM',
      name: 'Sidans forum',
      contract: 'UL-STAD-2019',
      members: 'Berit@UL.example\r\ncarl@gub.example, dora@ul.example',
    })
      .expect(303)
      .expect('Location', '/inbox/partnership?lang=sv');
    const forum = await forumRow('SIDFORUM');
    expect(forum).toMatchObject({
      name: 'Sidans forum',
      contract_id: stadId,
      members: ['berit@ul.example', 'carl@gub.example', 'dora@ul.example'],
    });
    // The code is taken: 409, the page again.
    const taken = await post('/forums', { code: 'SIDFORUM', name: 'Igen', contract: '' }).expect(
      409,
    );
    expect(taken.text).toContain('value="Igen"');

    await post(`/forums/${forum.id}`, {
      name: 'Sidans stadsforum',
      members: 'berit@ul.example\nerik@ul.example',
    }).expect(303);
    expect(await forumRow('SIDFORUM')).toMatchObject({
      name: 'Sidans stadsforum',
      members: ['berit@ul.example', 'erik@ul.example'],
      contract_id: stadId,
    });

    const cycles = () =>
      app.dataSource.query<
        { id: string; code: string; starts_on: string; ends_on: string; focus_areas: string[] }[]
      >(
        `SELECT id, code, starts_on::text, ends_on::text, focus_areas FROM cycles
          WHERE forum_id = $1 ORDER BY code`,
        [forum.id],
      );
    const events = async () =>
      (
        await app.dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM partnership_events',
        )
      )[0].n;

    // A bad date range: the page again with the error and the typed values; nothing changes.
    const eventsBefore = await events();
    const badCycle = await post('/cycles', {
      forum: 'SIDFORUM',
      code: '2027H1',
      startsOn: '2027-07-01',
      endsOn: '2027-06-30',
      focusAreas: 'punctuality',
    }).expect(400);
    expect(badCycle.text).toContain('endsOn: must not be before startsOn');
    expect(badCycle.text).toContain('value="2027H1"');
    expect(badCycle.text).toContain('value="2027-07-01"');
    expect(badCycle.text).toMatch(/value="punctuality" checked/);
    expect(await cycles()).toEqual([]);
    expect(await events()).toBe(eventsBefore);

    await post('/cycles', {
      forum: 'SIDFORUM',
      code: '2027H1',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      focusAreas: ['punctuality', 'staff-treatment'],
    }).expect(303);
    const [created] = await cycles();
    expect(created).toMatchObject({
      code: '2027H1',
      starts_on: '2027-01-01',
      ends_on: '2027-06-30',
      focus_areas: ['punctuality', 'staff-treatment'],
    });

    // Changing the cycle: a bad range is refused as well, then a good one is kept.
    const badEdit = await post(`/cycles/${created.id}`, {
      startsOn: '2027-01-01',
      endsOn: '2026-12-31',
      focusAreas: 'punctuality',
    }).expect(400);
    expect(badEdit.text).toContain('endsOn: must not be before startsOn');
    expect(badEdit.text).toContain('value="2026-12-31"');
    await post(`/cycles/${created.id}`, {
      startsOn: '2027-01-01',
      endsOn: '2027-05-31',
      focusAreas: 'staff-treatment',
    }).expect(303);
    expect((await cycles())[0]).toMatchObject({
      ends_on: '2027-05-31',
      focus_areas: ['staff-treatment'],
    });

    const after = await request(app.server)
      .get('/inbox/partnership?lang=en')
      .set('Cookie', cookies.ulAdmin)
      .expect(200);
    expect(after.text).toContain('Sidans stadsforum');
    expect(after.text).toContain('2027-01-01 – 2027-05-31');
    expect(after.text).toContain('New forum');
  });

  it('shows others no forum or cycle forms and refuses their posts as the API does', async () => {
    for (const who of ['gubHandler', 'ulHandler']) {
      const page = await request(app.server)
        .get('/inbox/partnership?lang=sv')
        .set('Cookie', cookies[who])
        .expect(200);
      expect(page.text).not.toContain('Nytt forum');
      expect(page.text).not.toContain('Ny cykel');
      expect(page.text).not.toContain('name="members"');
      expect(page.text).not.toContain('name="startsOn"');
    }
    // A valid token of the GUB handler's own browser: the refusal is the role's, not CSRF's.
    const nonce = /sp_csrf=([^;]+)/.exec(cookies.gubHandler)?.[1] ?? '';
    expect(nonce).not.toBe('');
    const csrf = issueCsrfToken(app.config.FORM_SECRET, nonce, 'partnership', clock.now());
    const [forum] = await app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM forums WHERE code = 'SIDFORUM'`,
    );
    const [cycle] = await app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM cycles WHERE forum_id = $1`,
      [forum.id],
    );
    const before = await app.dataSource.query(
      'SELECT (SELECT count(*) FROM forums) AS f, (SELECT count(*) FROM cycles) AS c, (SELECT count(*) FROM partnership_events) AS e',
    );
    for (const [path, body] of [
      ['/forums', { code: 'GUBFORUM', name: 'GUB:s forum' }],
      [`/forums/${forum.id}`, { name: 'Kapat', members: 'gub@gub.example' }],
      [
        '/cycles',
        { forum: 'SIDFORUM', code: '2027H2', startsOn: '2027-07-01', endsOn: '2027-12-31' },
      ],
      [`/cycles/${cycle.id}`, { startsOn: '2027-01-01', endsOn: '2027-12-31' }],
    ] as const) {
      const refused = await request(app.server)
        .post(`/inbox/partnership${path}?lang=sv`)
        .set('Cookie', cookies.gubHandler)
        .type('form')
        .send({ csrf, ...body })
        .expect(403);
      expect(refused.text).not.toContain('Sidan har gått ut');
      // The same post without the token is refused for that.
      const noToken = await request(app.server)
        .post(`/inbox/partnership${path}?lang=sv`)
        .set('Cookie', cookies.gubHandler)
        .type('form')
        .send(body)
        .expect(403);
      expect(noToken.text).toContain('Sidan har gått ut');
    }
    const after = await app.dataSource.query(
      'SELECT (SELECT count(*) FROM forums) AS f, (SELECT count(*) FROM cycles) AS c, (SELECT count(*) FROM partnership_events) AS e',
    );
    expect(after).toEqual(before);
  });
});
