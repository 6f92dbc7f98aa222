import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import pino from 'pino';
import { loadConfig } from '../config/app-config';
import { createTwilioClient } from '../../notifications/twilio-client';
import { LOCAL_SMS_FROM, LocalOutboxes, mailSubject, startLocalOutboxes } from './local-outboxes';

describe('local outboxes (npm start without a mail server or Twilio)', () => {
  let directory: string;
  let lines: string[];
  let log: pino.Logger;
  let outboxes: LocalOutboxes | undefined;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'synpunkt-outbox-'));
    lines = [];
    log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  });

  afterEach(async () => {
    await outboxes?.stop();
    outboxes = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps an e-mail as an .eml file and logs its subject, not its recipient', async () => {
    const env: Record<string, string | undefined> = {};
    outboxes = await startLocalOutboxes(env, log, directory);
    expect(env.SMTP_URL).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);

    const transport = createTransport(env.SMTP_URL, { from: 'Synpunkt <noreply@synpunkt.local>' });
    const subject = 'Vi har tagit emot ditt ärende SP-2026-000123';
    try {
      await transport.sendMail({
        to: 'resenar@example.org',
        subject,
        text: 'Tack för att du hörde av dig. Ditt ärende har nummer SP-2026-000123.',
      });
    } finally {
      transport.close();
    }

    const files = await readdir(join(directory, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-1\.eml$/);
    const raw = await readFile(join(directory, 'mail', files[0]));
    expect(raw.toString('utf8')).toMatch(/^To: resenar@example\.org$/m);
    expect(mailSubject(raw)).toBe(subject);

    const logged = lines.map((line) => JSON.parse(line));
    const caught = logged.find((entry) => String(entry.msg).startsWith('caught e-mail → '));
    expect(caught).toMatchObject({
      subject,
      msg: `caught e-mail → ${join(directory, 'mail', files[0])}`,
    });
    expect(lines.join('')).not.toContain('resenar@example.org');
  });

  it('answers like Twilio for the real twilio library and keeps the SMS as a JSON line', async () => {
    const env: Record<string, string | undefined> = {};
    outboxes = await startLocalOutboxes(env, log, directory);
    expect(env.TWILIO_ACCOUNT_SID).toMatch(/^AC[0-9a-f]{32}$/);
    expect(env.TWILIO_AUTH_TOKEN).toBeTruthy();
    expect(env.TWILIO_FROM).toBe(LOCAL_SMS_FROM);
    expect(env.TWILIO_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // The service's own client: the variables pass validation and the requests are redirected.
    const client = createTwilioClient(loadConfig(env))!;
    const body =
      'Tack! Vi har tagit emot ditt ärende SP-2026-000123. Svara på detta SMS om du vill lägga till något.';
    const sent = await client.messages.create({
      to: '+46701740650',
      from: env.TWILIO_FROM!,
      body,
      statusCallback: 'http://localhost:3000/webhooks/twilio/status',
    });
    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent).toMatchObject({
      status: 'queued',
      to: '+46701740650',
      from: LOCAL_SMS_FROM,
      body,
    });
    expect(sent.accountSid).toBe(env.TWILIO_ACCOUNT_SID);

    const jsonl = await readFile(join(directory, 'sms.jsonl'), 'utf8');
    const kept = jsonl
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(kept).toEqual([{ at: expect.any(String), to: '+46701740650', body }]);
    expect(new Date(kept[0].at).toISOString()).toBe(kept[0].at);

    const logged = lines.map((line) => JSON.parse(line));
    const caught = logged.find((entry) => String(entry.msg).startsWith('caught SMS → '));
    expect(caught).toMatchObject({
      msg: `caught SMS → ${join(directory, 'sms.jsonl')}`,
      characters: [...body].length,
      encoding: 'GSM-7',
      segments: 1,
      reference: 'SP-2026-000123',
    });
    expect(lines.join('')).not.toContain('46701740650');
    expect(lines.join('')).not.toContain('Svara på detta SMS');
  });

  it('refuses a request without the account credentials it handed out', async () => {
    const env: Record<string, string | undefined> = {};
    outboxes = await startLocalOutboxes(env, log, directory);
    const response = await fetch(
      `${env.TWILIO_API_URL}/2010-04-01/Accounts/${env.TWILIO_ACCOUNT_SID}/Messages.json`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: '+46701740650', From: LOCAL_SMS_FROM, Body: 'Hej' }),
      },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
    await expect(readdir(directory)).resolves.not.toContain('sms.jsonl');
  });

  it('leaves a configured mail server and Twilio account alone, and says nothing', async () => {
    const env: Record<string, string | undefined> = {
      SMTP_URL: 'smtp://mail.example.org:587',
      TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'a-real-token',
      TWILIO_FROM: '+46701740600',
    };
    const before = { ...env };
    outboxes = await startLocalOutboxes(env, log, directory);
    expect(outboxes.catching).toEqual([]);
    expect(env).toEqual(before);
    expect(lines).toEqual([]);
    await expect(readdir(directory)).resolves.toEqual([]);
  });

  it('says once where caught messages go', async () => {
    outboxes = await startLocalOutboxes({}, log, directory);
    expect(outboxes.catching).toEqual(['mail', 'sms']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).msg).toContain(`${join(directory, 'mail')}/`);
    expect(JSON.parse(lines[0]).msg).toContain(join(directory, 'sms.jsonl'));
  });
});

describe('mailSubject', () => {
  it('reads a folded subject of encoded words split inside a character', () => {
    // "ärende" with the two bytes of "ä" (c3 a4) in different words.
    const raw = Buffer.from(
      'From: a@b\r\nSubject: Vi har =?UTF-8?Q?tagit_emot_ditt_=C3?=\r\n =?UTF-8?B?pHJlbmRl?= SP-2026-000123\r\n\r\nbody',
    );
    expect(mailSubject(raw)).toBe('Vi har tagit emot ditt ärende SP-2026-000123');
  });

  it('is undefined without a subject', () => {
    expect(mailSubject(Buffer.from('From: a@b\r\n\r\nSubject: not a header'))).toBeUndefined();
  });
});
