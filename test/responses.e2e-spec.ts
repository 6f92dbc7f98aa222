import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio';
import { CaseEventEntity } from '../src/cases/case-event.entity';
import { CaseEntity } from '../src/cases/case.entity';
import { CasesService } from '../src/cases/cases.service';
import { TransfersService } from '../src/cases/transfers.service';
import { CaseClockEntity } from '../src/deadlines/case-clock.entity';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { ResponsePolicyService } from '../src/deadlines/response-policy.service';
import { AreaLoaderService } from '../src/directory/area-loader.service';
import { QueueName } from '../src/infra/queue/queue.registry';
import { AcknowledgementService } from '../src/notifications/acknowledgement.service';
import { OutboundMessageEntity } from '../src/notifications/outbound-message.entity';
import { outboxJobId } from '../src/notifications/outbox.dispatcher';
import { smsSegments } from '../src/notifications/sms-text';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { DEMO_AREA_FILE, loadDemoArea } from './support/demo-area';
import { FakeTwilio } from './support/fake-twilio';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, eventually, FrozenClock, TestApp } from './support/test-app';

const HOUR = 3600_000;

/**
 * Office hours, quick responses and deadlines end to end, on a frozen clock: the demo area's
 * calendars (city traffic 08–12 and 13–17 on weekdays with an 8-hour first-response target,
 * the authority's customer centre, the rail operator round the clock), the real queue, a
 * local Twilio endpoint and a local SMTP server.
 */
describe('answering travellers on time', () => {
  const clock = new FrozenClock('2026-11-21T22:30:00Z');
  let twilio: FakeTwilio;
  let smtp: SmtpSink;
  let app: TestApp;

  beforeAll(async () => {
    twilio = new FakeTwilio();
    smtp = new SmtpSink();
    app = await createTestApp(
      {
        TWILIO_ACCOUNT_SID: `AC${'2'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: 'test-auth-token',
        TWILIO_FROM: '+46700000000',
        TWILIO_API_URL: await twilio.start(),
        SMTP_URL: await smtp.start(),
      },
      { clock },
    );
    await loadDemoArea(app);
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await twilio.stop();
    await smtp.stop();
  });

  const report = (body: Record<string, unknown>) =>
    request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'complaint', description: 'Bussen kom aldrig.', language: 'sv', ...body })
      .expect(201)
      .then((response) => response.body as { reference: string; answerBy: string | null });

  const clocksOf = async (reference: string) => {
    const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
    const rows = await app.dataSource.getRepository(CaseClockEntity).findBy({ caseId: found.id });
    return Object.fromEntries(rows.map((row) => [row.kind, row]));
  };

  const smsTo = (phone: string, reference: string) =>
    eventually(
      () =>
        Promise.resolve(
          twilio.sent.find((sms) => sms.to === phone && sms.body.includes(reference)),
        ),
      { what: `an SMS to ${phone} about ${reference}` },
    );

  const mailAbout = (reference: string, to: string) =>
    eventually(
      () =>
        Promise.resolve(
          smtp.received.find((m) => m.to.includes(to) && m.subject.includes(reference)),
        ),
      { what: `an e-mail to ${to} about ${reference}` },
    );

  it('answers a Saturday-night report at once and promises Monday at closing time', async () => {
    clock.set('2026-11-21T22:30:00Z'); // Saturday 23:30 in Uppsala
    const { reference, answerBy } = await report({
      category: 'punctuality',
      line: '4',
      contact: { phone: '+46701740650' },
    });
    // Monday 08–12 and 13–17 are the eight business hours: 17:00 local, 16:00 UTC.
    expect(answerBy).toBe('2026-11-23T16:00:00.000Z');

    const sms = await smsTo('+46701740650', reference);
    expect(sms.body).toContain('Gamla Uppsala Buss AB');
    // Swedish fits GSM-7: the acknowledgement is one or two parts, never UCS-2's 70 characters.
    const stored = await app.dataSource
      .getRepository(OutboundMessageEntity)
      .findOneByOrFail({ kind: 'acknowledgement', recipient: '+46701740650' });
    expect(stored.segments).toBe(smsSegments(sms.body).segments);
    expect(smsSegments(sms.body)).toMatchObject({ encoding: 'GSM-7' });
    expect(stored.segments).toBeLessThanOrEqual(2);
    expect(sms.body).toContain('på måndag kl. 17:00');

    const clocks = await clocksOf(reference);
    expect(clocks['first-response'].dueAt).toEqual(new Date('2026-11-23T16:00:00Z'));
    // Bus (EU 181/2011): a reply within one month and a final answer within three, in
    // calendar time from the complaint.
    expect(clocks['legal-reply'].dueAt).toEqual(new Date('2026-12-21T22:30:00Z'));
    expect(clocks['legal-final'].dueAt).toEqual(new Date('2027-02-21T22:30:00Z'));
  });

  it('skips midsummer eve and midsummer day for the authority’s customer centre', async () => {
    clock.set('2026-06-19T10:00:00Z'); // midsommarafton, Friday 12:00
    const { reference, answerBy } = await report({
      kind: 'question',
      category: 'fares-tickets',
      language: 'en',
      contact: { email: 'traveller@example.org' },
    });
    // Closed Friday (the eve), Saturday (the holiday) and Sunday; the count starts Monday
    // 07:00, and two business days later is Wednesday 07:00 local.
    expect(answerBy).toBe('2026-06-24T05:00:00.000Z');
    const mail = await mailAbout(reference, 'traveller@example.org');
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain('Kollektivtrafikförvaltningen UL');
    expect(mail.text).toContain('on Wednesday at 07:00');
    // A question is no complaint: no legal deadline.
    expect(Object.keys(await clocksOf(reference)).sort()).toEqual(['first-response', 'resolution']);
  });

  it('skips Christmas Eve, Christmas and the weekend after', async () => {
    clock.set('2026-12-24T09:00:00Z'); // julafton, Thursday 10:00
    const { answerBy } = await report({ category: 'punctuality', line: '4' });
    expect(answerBy).toBe('2026-12-28T16:00:00.000Z'); // Monday 28 December, 17:00
  });

  it('keeps local wall-clock times on the night of each clock change', async () => {
    clock.set('2026-03-29T00:30:00Z'); // 01:30 CET; at 02:00 the clocks go forward
    const spring = await report({ category: 'punctuality', line: '4' });
    expect(spring.answerBy).toBe('2026-03-30T15:00:00.000Z'); // Monday 17:00 CEST
    expect((await clocksOf(spring.reference))['legal-reply'].dueAt).toEqual(
      new Date('2026-04-28T23:30:00Z'), // 29 April 01:30 CEST
    );

    clock.set('2026-10-25T00:30:00Z'); // 02:30 CEST, the first of the two 02:30s
    const autumn = await report({ category: 'punctuality', line: '4' });
    expect(autumn.answerBy).toBe('2026-10-26T16:00:00.000Z'); // Monday 17:00 CET
    expect((await clocksOf(autumn.reference))['legal-reply'].dueAt).toEqual(
      new Date('2026-11-25T01:30:00Z'), // 25 November 02:30 CET
    );
  });

  it('gives a case transferred to a party that is open that party’s promise, from the transfer', async () => {
    clock.set('2026-11-21T11:00:00Z'); // Saturday 12:00: the city bus office is closed
    const { reference, answerBy } = await report({ category: 'punctuality', line: '4' });
    expect(answerBy).toBe('2026-11-23T16:00:00.000Z');
    const legalBefore = (await clocksOf(reference))['legal-reply'].dueAt;

    clock.set('2026-11-21T12:00:00Z');
    await app.app.get(TransfersService).transfer(reference, {
      reason: 'not-our-operator',
      toOrganisationCode: 'TRANSDEV',
      actor: 'test',
    });
    const clocks = await clocksOf(reference);
    // Round the clock: two days from the transfer, Monday 13:00 local.
    expect(clocks['first-response']).toMatchObject({
      startedAt: new Date('2026-11-21T12:00:00Z'),
      dueAt: new Date('2026-11-23T12:00:00Z'),
    });
    // The law's clock runs from the complaint, whoever holds the case.
    expect(clocks['legal-reply'].dueAt).toEqual(legalBefore);
    const { body } = await request(app.server).get(`/api/v1/cases/${reference}`).expect(200);
    expect(body).toMatchObject({
      handledBy: { code: 'TRANSDEV' },
      answerBy: '2026-11-23T12:00:00.000Z',
    });
  });

  it('alerts the on-call contact of an urgent case at night, by SMS and e-mail', async () => {
    clock.set('2026-11-24T02:10:00Z'); // Tuesday 03:10
    const { reference } = await report({
      category: 'threats-violence',
      line: '4',
      description: 'En man hotade föraren med kniv vid Stora Torget.',
    });
    const sms = await smsTo('+46701740610', reference);
    expect(sms.body).toMatch(/BRÅDSKANDE/);
    const mail = await mailAbout(reference, 'trafikledning@gub.example');
    expect(mail.text).toContain('kniv');
  });

  it('warns the responsible party before the first-response deadline and records the breach', async () => {
    clock.set('2026-11-21T22:30:00Z');
    const { reference } = await report({ category: 'staff-treatment', line: '4' });
    const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
    const deadlines = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));

    // The check waits in BullMQ as a delayed job until four business hours before the
    // deadline (Monday 13:00 local). The test waits for it to be queued with its delay,
    // then jumps the clock there and runs the job now.
    const delayedCheck = async () => {
      const { deadlineCheckId } = await app.dataSource
        .getRepository(CaseEntity)
        .findOneByOrFail({ id: found.id });
      const job = await eventually(
        async () => {
          const queued = await deadlines.getJob(outboxJobId(deadlineCheckId!));
          return queued && (await queued.isDelayed()) && queued;
        },
        { what: 'the delayed check in the queue' },
      );
      return { job, checkId: deadlineCheckId! };
    };
    const runNow = async ({ job, checkId }: Awaited<ReturnType<typeof delayedCheck>>) => {
      await job.promote();
      await eventually(
        () => app.dataSource.getRepository(OutboxEntity).findOneBy({ id: checkId, status: 'done' }),
        { what: 'the check to run' },
      );
    };

    const { warnAt, dueAt } = (await clocksOf(reference))['first-response'];
    expect(warnAt).toEqual(new Date('2026-11-23T12:00:00Z'));
    const warningCheck = await delayedCheck();
    clock.set(new Date(warnAt!.getTime() + 60_000));
    await runNow(warningCheck);
    expect((await clocksOf(reference))['first-response'].warnedAt).toEqual(clock.now());
    const warning = await mailAbout(reference, 'kundtjanst@gub.example');
    expect(warning.text).toContain('första svar');

    const breachCheck = await delayedCheck();
    clock.set(new Date(dueAt!.getTime() + HOUR));
    await runNow(breachCheck);
    expect((await clocksOf(reference))['first-response'].breachedAt).toEqual(clock.now());
    const events = await app.dataSource
      .getRepository(CaseEventEntity)
      .find({ where: { caseId: found.id }, order: { at: 'ASC' } });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['deadline-warning', 'deadline-breached']),
    );
    await eventually(
      () =>
        Promise.resolve(
          smtp.received.filter(
            (m) => m.to.includes('kundtjanst@gub.example') && m.subject.includes(reference),
          ).length === 2,
        ),
      { what: 'the breach e-mail' },
    );
  });

  it('does not warn again when the case waits for the traveller after a warning', async () => {
    clock.set('2026-11-21T22:30:00Z');
    const { reference } = await report({ category: 'staff-treatment', line: '4' });
    const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
    const deadlines = app.app.get(DeadlinesService);
    const currentCheck = async () =>
      (await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: found.id }))
        .deadlineCheckId!;

    const { warnAt } = (await clocksOf(reference))['first-response'];
    clock.set(new Date(warnAt!.getTime() + 60_000));
    await deadlines.runCheck(found.id, await currentCheck());
    const warnedAt = (await clocksOf(reference))['first-response'].warnedAt;
    expect(warnedAt).toEqual(clock.now());

    clock.advance(10 * 60_000);
    await app.dataSource.transaction((manager) =>
      app.app.get(CasesService).waitForTraveller(manager, found.id, 'handler'),
    );
    clock.advance(10 * 60_000);
    await app.dataSource.transaction((manager) =>
      app.app.get(CasesService).addInboundMessage(manager, found.id, {
        channel: 'sms',
        body: 'Det var igår.',
        providerRef: `SM${'c'.repeat(32)}`,
      }),
    );
    const after = (await clocksOf(reference))['first-response'];
    expect(after.warnedAt).toEqual(warnedAt);
    // The next check is the deadline itself, moved by the ten open minutes of waiting:
    // past Monday's 17:00 closing, so ten minutes into Tuesday morning.
    const next = await app.dataSource
      .getRepository(OutboxEntity)
      .findOneByOrFail({ id: await currentCheck() });
    expect(next.runAt).toEqual(after.dueAt);
    expect(after.dueAt).toEqual(new Date('2026-11-24T07:10:00Z'));
    expect(await deadlines.runCheck(found.id, next.id)).toBe('nothing due yet');
  });

  it('replaces a deadline check whose retries ran out, so the case stays watched', async () => {
    clock.set('2026-11-23T08:00:00Z');
    const { reference } = await report({ category: 'punctuality', line: '4' });
    const { id, deadlineCheckId } = await app.dataSource
      .getRepository(CaseEntity)
      .findOneByOrFail({ reference });
    const deadlines = app.app.get(DeadlinesService);
    await deadlines.retryCheckLater(id, deadlineCheckId!);
    const replaced = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ id });
    expect(replaced.deadlineCheckId).not.toBe(deadlineCheckId);
    const row = await app.dataSource
      .getRepository(OutboxEntity)
      .findOneByOrFail({ id: replaced.deadlineCheckId! });
    expect(row.runAt).toEqual(new Date('2026-11-23T08:05:00Z'));
    // A failure of a check that is no longer current changes nothing.
    await deadlines.retryCheckLater(id, deadlineCheckId!);
    expect(
      (await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ id })).deadlineCheckId,
    ).toBe(replaced.deadlineCheckId);
  });

  it('stops the clocks while the case waits for the traveller, and runs them again when they answer', async () => {
    clock.set('2026-11-23T08:00:00Z'); // Monday 09:00
    const phone = '+46701740660';
    const { reference } = await report({ category: 'punctuality', line: '4', contact: { phone } });
    const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
    const before = await clocksOf(reference);
    // 09:00 + 8 business hours (08–12, 13–17): Tuesday 09:00 local.
    expect(before['first-response'].dueAt).toEqual(new Date('2026-11-24T08:00:00Z'));

    clock.set('2026-11-23T10:00:00Z'); // Monday 11:00: the handler asks a question
    await app.dataSource.transaction((manager) =>
      app.app.get(CasesService).waitForTraveller(manager, found.id, 'handler'),
    );
    const paused = await clocksOf(reference);
    expect(paused['first-response'].dueAt).toBeNull();
    expect(paused['legal-reply'].dueAt).toBeNull();

    clock.set('2026-11-24T10:00:00Z'); // Tuesday 11:00: the traveller answers by SMS
    const params = {
      MessageSid: `SM${'e'.repeat(32)}`,
      AccountSid: app.config.TWILIO_ACCOUNT_SID!,
      From: phone,
      To: '+46700000000',
      Body: 'Det var bussen 08.12 från Flogsta.',
      NumMedia: '0',
    };
    await request(app.server)
      .post('/webhooks/twilio/sms')
      .type('form')
      .set(
        'X-Twilio-Signature',
        getExpectedTwilioSignature(
          app.config.TWILIO_AUTH_TOKEN!,
          `${app.config.PUBLIC_BASE_URL}/webhooks/twilio/sms`,
          params,
        ),
      )
      .send(params)
      .expect(200);

    const after = await clocksOf(reference);
    // Six business hours were left at 11:00 on Monday; they run from 11:00 on Tuesday.
    expect(after['first-response'].dueAt).toEqual(new Date('2026-11-25T08:00:00Z'));
    // The law's month gets the 24 hours of waiting added.
    expect(after['legal-reply'].dueAt!.getTime() - before['legal-reply'].dueAt!.getTime()).toBe(
      24 * HOUR,
    );
    expect(
      await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: found.id }),
    ).toMatchObject({ status: 'open' });
  });

  it('recomputes open cases when the area file brings new office hours', async () => {
    clock.set('2026-11-23T08:00:00Z'); // Monday 09:00
    const { reference } = await report({ category: 'punctuality', line: '4' });
    expect((await clocksOf(reference))['first-response'].dueAt).toEqual(
      new Date('2026-11-24T08:00:00Z'),
    );
    // The city contract now promises an answer within four business hours.
    const changed = readFileSync(DEMO_AREA_FILE, 'utf8').replace(
      'targets: { firstResponse: { hours: 8 }, resolution: { days: 10 } }',
      'targets: { firstResponse: { hours: 4 }, resolution: { days: 10 } }',
    );
    expect(changed).not.toEqual(readFileSync(DEMO_AREA_FILE, 'utf8'));
    try {
      await app.app.get(AreaLoaderService).loadText(changed);
      await eventually(
        async () =>
          (await clocksOf(reference))['first-response'].dueAt?.getTime() ===
          new Date('2026-11-23T13:00:00Z').getTime(), // Monday 09:00 + 3 h + lunch + 1 h
        { what: 'the deadlines to be recomputed' },
      );
    } finally {
      await app.app.get(AreaLoaderService).loadText(readFileSync(DEMO_AREA_FILE, 'utf8'));
    }
  });

  it('sends no acknowledgement in office hours when the contract turns it off', async () => {
    const policies = app.app.get(ResponsePolicyService).current()!;
    const sjukresa = await app.dataSource.query<{ id: string; operator_id: string }[]>(
      `SELECT id, operator_id FROM contracts WHERE code = 'UL-SJUKRESA-2020'`,
    );
    const policy = policies.forCase({
      kind: 'complaint',
      responsibleOrganisationId: sjukresa[0].operator_id,
      contractId: sjukresa[0].id,
    })!;
    expect(policy.acknowledge).toBe('outside-office-hours');
    // The case is routed by hand here: the 2021 feed's on-demand trips are not in 2026.
    clock.set('2026-11-23T09:00:00Z'); // Monday 10:00, the booking centre is open
    const { reference } = await report({ contact: { email: 'sjukresa@example.org' } });
    await app.dataSource.query(
      `UPDATE cases SET contract_id = $2, responsible_organisation_id = $3 WHERE reference = $1`,
      [reference, sjukresa[0].id, sjukresa[0].operator_id],
    );
    const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
    const outcome = await app.app.get(AcknowledgementService).acknowledge(found.id, randomUUID());
    expect(outcome).toEqual({
      status: 'done',
      outcome: 'the contract sends no acknowledgement in office hours',
    });
  });

  it('retries through an SMTP outage and sends the acknowledgement exactly once', async () => {
    clock.set('2026-11-23T09:00:00Z');
    smtp.refuseWith = { code: 421, message: 'Service not available, try again later' };
    const { reference } = await report({ contact: { email: 'outage@example.org' } });
    const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
    await eventually(
      async () => {
        const row = await app.dataSource
          .getRepository(OutboxEntity)
          .findOneBy({ caseId: found.id, jobName: 'case-acknowledgement' });
        return row && row.attempts >= 2;
      },
      { what: 'a retried send', timeoutMs: 15_000 },
    );
    smtp.refuseWith = undefined;
    await mailAbout(reference, 'outage@example.org');
    await eventually(
      () =>
        app.dataSource
          .getRepository(OutboundMessageEntity)
          .findOneBy({ caseId: found.id, kind: 'acknowledgement', status: 'sent' }),
      { what: 'the message to be marked sent', timeoutMs: 15_000 },
    );
    expect(smtp.received.filter((m) => m.subject.includes(reference))).toHaveLength(1);
  }, 30_000);

  it('fails a message for good on a permanent refusal and shows why on the case', async () => {
    clock.set('2026-11-23T09:00:00Z');
    smtp.refuseWith = { code: 550, message: 'No such mailbox' };
    try {
      const { reference } = await report({ contact: { email: 'nobody@example.org' } });
      const found = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
      const message = await eventually(
        () =>
          app.dataSource
            .getRepository(OutboundMessageEntity)
            .findOneBy({ caseId: found.id, status: 'failed' }),
        { what: 'the failed message' },
      );
      expect(message.error).toMatch(/No such mailbox/);
      const row = await app.dataSource
        .getRepository(OutboxEntity)
        .findOneByOrFail({ caseId: found.id, jobName: 'case-acknowledgement' });
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      // The case's timeline says the traveller never got it, and why.
      const events = await app.dataSource
        .getRepository(CaseEventEntity)
        .findBy({ caseId: found.id, type: 'message-failed' });
      expect(events).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ channel: 'email', kind: 'acknowledgement' }),
        }),
      ]);
    } finally {
      smtp.refuseWith = undefined;
    }
  });
});
