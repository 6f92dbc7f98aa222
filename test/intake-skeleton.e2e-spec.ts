import request from 'supertest';
import { CaseAttachmentEntity } from '../src/cases/case-attachment.entity';
import { CaseEntity } from '../src/cases/case.entity';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { tinyPng } from './support/browser';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, eventually, TestApp } from './support/test-app';

describe('JSON intake, end to end', () => {
  let smtp: SmtpSink;
  let app: TestApp;

  beforeAll(async () => {
    smtp = new SmtpSink();
    app = await createTestApp({ SMTP_URL: await smtp.start() });
  });

  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('stores the case with a reference, queues its acknowledgement and e-mails the traveller', async () => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        category: 'punctuality',
        description: '  Bussen på linje 4 kom aldrig.  ',
        line: 'linje 4',
        occurredAt: '2026-11-20T07:45:00+01:00',
        language: 'sv',
        contact: { name: 'Anna Andersson', email: 'anna@example.se', phone: '070-123 45 67' },
      })
      .expect(201);

    expect(response.body).toEqual({
      reference: expect.stringMatching(/^SP-\d{4}-\d{6}$/),
      kind: 'complaint',
      category: 'punctuality',
      channel: 'api',
      status: 'new',
      // This run's shared database has no area directory: the case waits in triage.
      handledBy: null,
      receivedAt: expect.any(String),
      // Without an area directory nobody's office hours apply: no promise is made.
      answerBy: null,
      updatedAt: expect.any(String),
    });
    // The receipt carries no personal data.
    expect(JSON.stringify(response.body)).not.toMatch(/Anna|example\.se|701234567/);

    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: response.body.reference });
    expect(stored).toMatchObject({
      description: 'Bussen på linje 4 kom aldrig.',
      contactPhone: '+46701234567',
      replyChannel: 'email',
      occurredAt: new Date('2026-11-20T06:45:00Z'),
    });

    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(['anna@example.se']);
    expect(mail.subject).toBe(`Vi har tagit emot ditt ärende ${response.body.reference}`);
    expect(mail.text).toContain(response.body.reference);

    const outbox = await eventually(
      () =>
        app.dataSource.getRepository(OutboxEntity).findOneBy({ caseId: stored.id, status: 'done' }),
      { what: 'the acknowledgement job to finish' },
    );
    expect(outbox).toMatchObject({
      jobName: 'case-acknowledgement',
      outcome: 'e-mail sent',
      attempts: 1,
    });
    // The acknowledgement is the root of the case's e-mail thread: its id is the reference.
    expect(mail.messageId).toBe(`<${response.body.reference}@localhost>`);
  });

  it('gives each case its own reference', async () => {
    const references = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(app.server)
          .post('/api/v1/cases')
          .send({ kind: 'question', description: 'Går nattbussen i jul?' })
          .expect(201)
          .then((response) => response.body.reference as string),
      ),
    );
    expect(new Set(references).size).toBe(20);
  });

  it('finishes the acknowledgement without sending when the traveller left no address', async () => {
    const { body } = await request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'praise', description: 'Trevlig chaufför!' })
      .expect(201);
    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: body.reference });
    expect(stored.replyChannel).toBe('none');
    const outbox = await eventually(() =>
      app.dataSource.getRepository(OutboxEntity).findOneBy({ caseId: stored.id, status: 'done' }),
    );
    expect(outbox.outcome).toMatch(/receipt carries the reference/);
  });

  it('returns a case status by reference, without personal data or free text', async () => {
    const created = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'suggestion',
        description: 'Fler avgångar till Gränby',
        contact: { email: 'b@example.se' },
      })
      .expect(201);
    const { body } = await request(app.server)
      .get(`/api/v1/cases/${created.body.reference}`)
      .expect(200);
    expect(body).toEqual(created.body);
    expect(JSON.stringify(body)).not.toMatch(/Gränby|example\.se/);
  });

  it('answers 404 for an unknown reference and 400 for a malformed one', async () => {
    const missing = await request(app.server).get('/api/v1/cases/SP-1999-000001').expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'cases.not-found' });
    const malformed = await request(app.server).get('/api/v1/cases/DROP%20TABLE').expect(400);
    expect(malformed.body.errors).toEqual([
      { field: 'reference', reason: 'must look like SP-2026-000123' },
    ]);
  });
});

describe('photos in the JSON intake', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ SYNPUNKT_ROLE: 'api' });
  });

  afterAll(() => app.close());

  const report = (photos: Array<{ data: string; filename?: string }>) =>
    request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'complaint', description: 'Trasigt säte', photos });

  it('stores a PNG sent as base64, with the type its bytes say', async () => {
    const { body } = await report([
      { data: tinyPng().toString('base64'), filename: 'säte.png' },
    ]).expect(201);
    const stored = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference: body.reference });
    const photos = await app.dataSource.getRepository(CaseAttachmentEntity).find({
      where: { caseId: stored.id },
      select: { id: true, contentType: true, sizeBytes: true, data: true },
    });
    expect(photos).toEqual([
      expect.objectContaining({ contentType: 'image/png', sizeBytes: tinyPng().length }),
    ]);
    expect(photos[0].data?.equals(tinyPng())).toBe(true);
  });

  it('refuses a file that is not a photo, a photo over 5 MB, and a fourth photo', async () => {
    const notAnImage = await report([
      { data: Buffer.from('%PDF-1.7 not a photo').toString('base64') },
    ]).expect(400);
    expect(notAnImage.body.errors).toEqual([
      { field: 'photos[0]', reason: 'is not a JPEG or PNG image' },
    ]);

    const huge = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await report([{ data: huge.toString('base64') }]).expect(400);
    expect(tooLarge.body.errors).toEqual([{ field: 'photos[0]', reason: 'is larger than 5 MB' }]);

    const four = Array.from({ length: 4 }, () => ({ data: tinyPng().toString('base64') }));
    const tooMany = await report(four).expect(400);
    expect(tooMany.body.errors).toEqual([
      { field: 'photos', reason: 'must hold at most 3 photos' },
    ]);
  });
});
