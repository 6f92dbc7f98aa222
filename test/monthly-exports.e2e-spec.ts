import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { QueueName, JobName } from '../src/infra/queue/queue.registry';
import { MonthlyExportsService } from '../src/reports/monthly-exports.service';
import { MONTHLY_EXPORTS, ReportsProcessor } from '../src/reports/reports.processor';
import { loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, eventually, FrozenClock, TestApp } from './support/test-app';

/** The scheduled export on the first working day of January 2027 (Monday the 4th). */
describe('the monthly export to the forums', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  // Tuesday 5 January 2027, 06:00 in Stockholm: not the month's first working day.
  const clock = new FrozenClock('2027-01-05T05:00:00Z');
  const areaMembers = ['forum.ul@ul.example', 'Forum.GUB@gub.example'];
  const cityMembers = ['forum.gub@gub.example', 'trafik@ul.example'];

  beforeAll(async () => {
    smtp = new SmtpSink();
    app = await createTestApp({ SMTP_URL: await smtp.start() }, { clock });
    await loadDemoArea(app);
    clock.set('2026-12-08T09:00:00Z');
    await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        language: 'sv',
        category: 'staff-treatment',
        line: '4',
        description: 'Föraren var otrevlig mot mig',
        contact: { email: 'resenar@example.se' },
      })
      .expect(201);
    await app.dataSource.query(
      `INSERT INTO forums (code, name, contract_id, members)
       VALUES ('FORUM-TEST-AREA', 'Testforum för länet', NULL, $1),
              ('FORUM-TEST-STAD', 'Testforum för stadstrafiken',
               (SELECT id FROM contracts WHERE code = 'UL-STAD-2019'), $2)`,
      [areaMembers, cityMembers],
    );
    // The acknowledgement of the case above.
    await smtp.waitFor(1);
    clock.set('2027-01-05T05:00:00Z');
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  const count = async (table: string) =>
    Number(
      (await app.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n,
    );
  const reportMails = () => smtp.received.filter((mail) => mail.subject.startsWith('Synpunkter'));

  it('is scheduled once, every morning at 06:00 Swedish time', async () => {
    // A second worker start upserts the same scheduler.
    await app.app.get(ReportsProcessor).onApplicationBootstrap();
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Reports));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: MONTHLY_EXPORTS.schedulerId,
      pattern: '0 6 * * *',
      tz: 'Europe/Stockholm',
    });
  });

  it('does nothing on a day that is not the first working day', async () => {
    const summary = await app.app.get(MonthlyExportsService).runIfDue(clock.now());
    expect(summary).toEqual({ month: null, filesMade: 0, emailsQueued: 0 });
    expect(await count('report_exports')).toBe(0);
  });

  it("exports December for the area and each contract and mails each forum's members once", async () => {
    const contracts = await app.dataSource.query<{ code: string }[]>(
      `SELECT code FROM contracts WHERE valid_from <= '2026-12-31' AND (valid_to IS NULL OR valid_to >= '2026-12-01')`,
    );
    clock.set('2027-01-04T05:00:00Z');
    // The job as the scheduler runs it: through the queue and the worker.
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Reports));
    const events = new QueueEvents(queue.name, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
    });
    await events.waitUntilReady();
    try {
      const job = await queue.add(JobName.MonthlyExports, {});
      await job.waitUntilFinished(events, 60_000);
    } finally {
      await events.close();
    }
    const stored = await app.dataSource.query<
      { scope: string; format: string; file_name: string }[]
    >('SELECT scope, format, file_name FROM report_exports ORDER BY scope, format');
    expect(stored).toHaveLength((contracts.length + 1) * 4);
    expect(stored).toContainEqual({
      scope: 'UL-STAD-2019',
      format: 'xlsx',
      file_name: 'monthly-2026-12-UL-STAD-2019.xlsx',
    });

    // One e-mail per distinct member of each forum, with the PDF and the workbook.
    const mails = await eventually(
      () => Promise.resolve(reportMails().length === 4 ? reportMails() : null),
      { what: 'the four forum e-mails' },
    );
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual([
      'forum.gub@gub.example',
      'forum.gub@gub.example',
      'forum.ul@ul.example',
      'trafik@ul.example',
    ]);
    const city = mails.find((mail) => mail.subject.includes('stadstrafiken'));
    expect(city?.subject).toBe('Synpunkter december 2026 – Testforum för stadstrafiken');
    expect(city?.parsed.attachments.map((file) => file.filename).sort()).toEqual([
      'monthly-2026-12-UL-STAD-2019.pdf',
      'monthly-2026-12-UL-STAD-2019.xlsx',
    ]);
    expect(city?.text).toContain('contract=UL-STAD-2019');
    // No traveller's words in the e-mail or its files.
    for (const mail of mails) expect(mail.raw).not.toContain('otrevlig');

    // Running it again (a retried job, a second worker) sends and stores nothing more.
    const again = await app.app.get(MonthlyExportsService).runIfDue(clock.now());
    expect(again).toEqual({ month: '2026-12', filesMade: 0, emailsQueued: 0 });
    expect(await count('report_deliveries')).toBe(4);
    expect(
      Number(
        (
          await app.dataSource.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM outbound_messages WHERE kind = 'monthly-report'`,
          )
        )[0].n,
      ),
    ).toBe(4);
  });

  it('lets the forums download the stored files again, each organisation its own', async () => {
    const listAs = async (organisationCode: string, role = 'forum') => {
      const { cookie } = await signIn(app.server, await newUser(app, { organisationCode, role }));
      const list = await request(app.server)
        .get('/api/v1/reports/exports?month=2026-12')
        .set('Cookie', cookie)
        .expect(200);
      return { cookie, files: list.body as { id: string; scope: string; format: string }[] };
    };
    const authority = await listAs('UL');
    expect(authority.files.filter((file) => file.scope === 'area')).toHaveLength(4);
    const gub = await listAs('GUB');
    // The operator has its contracts' exports, not the area's nor another operator's.
    expect(new Set(gub.files.map((file) => file.scope))).toEqual(
      new Set(['UL-STAD-2019', 'UL-REGION-GUB-2019']),
    );
    const pdf = gub.files.find((file) => file.scope === 'UL-STAD-2019' && file.format === 'pdf');
    const download = await request(app.server)
      .get(`/api/v1/reports/exports/${pdf?.id}`)
      .set('Cookie', gub.cookie)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const area = authority.files.find((file) => file.scope === 'area');
    await request(app.server)
      .get(`/api/v1/reports/exports/${area?.id}`)
      .set('Cookie', gub.cookie)
      .expect(404);
    await request(app.server)
      .get('/api/v1/reports/exports/not-a-uuid')
      .set('Cookie', gub.cookie)
      .expect(400);
  });
});
