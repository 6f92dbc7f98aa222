// bench/responses: how long a traveller waits for the acknowledgement. Intake runs at a
// steady 200 cases/s (a paced open loop, half asking for a reply by SMS and half by
// e-mail) against the real service in its own process; each case's latency is the time
// from its created_at in PostgreSQL to the moment the local Twilio endpoint or SMTP
// server in this process received its acknowledgement. Next to it, in this process, the
// bare provider calls: the same twilio client and a nodemailer send, one at a time.
// Run: npm run bench:responses (BENCH_SECONDS=20, BENCH_WARMUP_SECONDS=5, BENCH_RATE=200, BENCH_CONNECTIONS=64;
// BENCH_SPLIT_ROLES=1 runs the worker in a process of its own)
import 'reflect-metadata';
import { simpleParser } from 'mailparser';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { EnvironmentVariables, loadConfig } from '../src/infra/config/app-config';
import { createTwilioClient } from '../src/notifications/twilio-client';
import { startBenchApp } from './support/bench-app';
import { format, percentile } from './support/stats';
import {
  REFERENCE_IN_TEXT,
  TimedMail,
  TimedSms,
  TimedSmtpSink,
  TimedTwilio,
} from './support/timed-providers';
import { dropQueues } from './support/drop-queues';
import { runBench } from './support/run-bench';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
// A service runs for weeks: the first seconds (cold JIT, pool connections being opened)
// are load but not measured, as a long-running service would be past them.
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const GOAL_MS = 1000;
const STRAGGLER_WAIT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const BARE_CALLS = 300;
const BARE_WARMUP = 20;
const ACCOUNT_SID = `AC${'c'.repeat(32)}`;
const AUTH_TOKEN = 'bench-token';
const TWILIO_FROM = '+46700000000';
const PUBLIC_BASE_URL = 'https://bench.synpunkt.local';

type Channel = 'sms' | 'email';

/** The 95 numbers PTS keeps for fiction, 070-174 06 05 … 99, in turn. */
function fictionalNumber(n: number): string {
  return `+467017406${String(5 + (n % 95)).padStart(2, '0')}`;
}

function report(index: number) {
  const channel: Channel = index % 2 === 0 ? 'sms' : 'email';
  const contact =
    channel === 'sms'
      ? { phone: fictionalNumber(index >> 1) }
      : { email: `bench+${index}@example.org` };
  return {
    channel,
    body: JSON.stringify({
      kind: 'complaint',
      category: 'punctuality',
      description: 'Bussen på linje 4 kom inte och jag missade tåget till Stockholm.',
      line: '4',
      language: 'sv',
      contact,
      replyChannel: channel,
    }),
  };
}

// Requests beyond this many in flight wait for a connection, still timed from their slot.
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () =>
      request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)),
    );
    request.on('error', reject);
    request.end(body);
  });
}

interface Request {
  channel: Channel;
  /** performance.now() of the request's slot in the schedule, and when it actually went. */
  slot: number;
  fired: number;
  status?: number;
  reference?: string;
  error?: string;
  /** When the full response arrived: performance.now() and Date.now(). */
  respondedPerf?: number;
  respondedAt?: number;
}

/** Sends one report per slot (1/RATE s apart) for `seconds`, never waiting for answers. */
async function paced(
  url: URL,
  seconds: number,
  firstIndex = 0,
): Promise<{ requests: Request[]; start: number }> {
  const total = Math.round(RATE * seconds);
  const interval = 1000 / RATE;
  const requests: Request[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 50;
  const fire = (index: number) => {
    const { channel, body } = report(firstIndex + index);
    const request: Request = { channel, slot: start + index * interval, fired: performance.now() };
    requests.push(request);
    inFlight.push(
      post(url, body)
        .then(({ status, text }) => {
          request.respondedPerf = performance.now();
          request.respondedAt = Date.now();
          request.status = status;
          request.reference = (JSON.parse(text) as { reference?: string }).reference;
        })
        .catch((error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code;
          request.error = `${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
        }),
    );
  };
  while (requests.length < total) {
    const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
    while (requests.length < due) fire(requests.length);
    const next = start + requests.length * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all(inFlight);
  return { requests, start };
}

/** Waits until every expected reference has reached a provider, or the wait runs out. */
async function awaitStragglers(
  expected: Set<string>,
  twilio: TimedTwilio,
  smtp: TimedSmtpSink,
): Promise<number> {
  const arrived = new Set<string>();
  let smsSeen = 0;
  let mailSeen = 0;
  const started = performance.now();
  for (;;) {
    for (; smsSeen < twilio.received.length; smsSeen++) {
      const reference = REFERENCE_IN_TEXT.exec(twilio.received[smsSeen].body)?.[0];
      if (reference) arrived.add(reference);
    }
    for (; mailSeen < smtp.received.length; mailSeen++) {
      const reference = smtp.received[mailSeen].rawReference;
      if (reference) arrived.add(reference);
    }
    const open = [...expected].filter((reference) => !arrived.has(reference)).length;
    if (open === 0 || performance.now() - started > STRAGGLER_WAIT_MS) return open;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Delivery {
  to: string;
  receivedAt: number;
}

/** The first message carrying each reference: SMS by body, e-mail by subject or text. */
async function deliveries(
  smses: TimedSms[],
  mails: TimedMail[],
): Promise<{ byReference: Map<string, Delivery>; unmatched: number; repeated: number }> {
  const byReference = new Map<string, Delivery>();
  let unmatched = 0;
  let repeated = 0;
  const note = (reference: string | undefined, delivery: Delivery) => {
    if (!reference) unmatched++;
    else if (byReference.has(reference)) repeated++;
    else byReference.set(reference, delivery);
  };
  for (const sms of smses)
    note(REFERENCE_IN_TEXT.exec(sms.body)?.[0], { to: sms.to, receivedAt: sms.receivedAt });
  for (const mail of mails) {
    const parsed = await simpleParser(mail.raw);
    const reference =
      REFERENCE_IN_TEXT.exec(parsed.subject ?? '')?.[0] ??
      REFERENCE_IN_TEXT.exec(parsed.text ?? '')?.[0];
    note(reference, { to: mail.to.join(','), receivedAt: mail.receivedAt });
  }
  return { byReference, unmatched, repeated };
}

interface StoredCase {
  reference: string;
  reply_channel: string;
  recipient: string | null;
  /** created_at in ms since the epoch, with its microseconds. */
  created_ms: number;
  /** The acknowledgement's outbox row: where a missing message got stuck. */
  outbox_status: string | null;
  outbox_outcome: string | null;
  /** When the dispatcher handed the acknowledgement's job to BullMQ (its claim's now()). */
  dispatched_ms: number | null;
}

/** Every case of the run (the database is the benchmark's own) with its acknowledgement's state. */
async function storedCases(databaseUrl: string): Promise<StoredCase[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined);
  try {
    const result = await pool.query<StoredCase>(
      `SELECT c.reference, c.reply_channel,
              CASE c.reply_channel WHEN 'sms' THEN c.contact_phone ELSE c.contact_email END AS recipient,
              (extract(epoch FROM c.created_at) * 1000)::float8 AS created_ms,
              o.status AS outbox_status, o.outcome AS outbox_outcome,
              (extract(epoch FROM o.dispatched_at) * 1000)::float8 AS dispatched_ms
         FROM cases c
         LEFT JOIN outbox o ON o.case_id = c.id AND o.job_name = 'case-acknowledgement'`,
    );
    return result.rows;
  } finally {
    await pool.end();
  }
}

/** The bare provider calls, one at a time: call start to the endpoint's receipt, in ms. */
async function bareTwilio(twilioUrl: string, twilio: TimedTwilio): Promise<number[]> {
  const client = createTwilioClient(
    loadConfig({
      ...process.env,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM,
      TWILIO_API_URL: twilioUrl,
    }),
  );
  if (!client) throw new Error('the twilio client was not configured');
  const latencies: number[] = [];
  for (let i = 0; i < BARE_WARMUP + BARE_CALLS; i++) {
    const body = `Tack! Ditt ärende BARE-${i} har tagits emot och hanteras av Gamla Uppsala Buss AB. Vi svarar senast fredag 12 juni. ${PUBLIC_BASE_URL}/api/v1/cases/BARE-${i}`;
    const start = performance.now();
    await client.messages.create({
      to: fictionalNumber(i),
      from: TWILIO_FROM,
      body,
      statusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
    });
    const got = twilio.received.find((sms) => sms.body === body);
    if (!got) throw new Error(`bare SMS ${i} did not arrive`);
    if (i >= BARE_WARMUP) latencies.push(got.receivedPerf - start);
  }
  twilio.clear();
  return latencies;
}

async function bareMail(smtpUrl: string, smtp: TimedSmtpSink): Promise<number[]> {
  // As the service's MailerService builds it: one connection per message.
  const transport = createTransport(smtpUrl, { from: new EnvironmentVariables().MAIL_FROM });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < BARE_WARMUP + BARE_CALLS; i++) {
      const marker = `BARE-${i}`;
      const text = `Hej!\n\nVi har tagit emot ditt ärende och det hanteras av Gamla Uppsala Buss AB.\n\nÄrendenummer: ${marker}\n\nVi svarar senast fredag 12 juni.\n\n${PUBLIC_BASE_URL}/api/v1/cases/${marker}\n`;
      const start = performance.now();
      await transport.sendMail({
        to: `bare+${i}@example.org`,
        subject: `Vi har tagit emot ditt ärende ${marker}`,
        text,
        html: `<p>${text.replace(/\n\n/g, '</p><p>')}</p>`,
        messageId: `<${marker}@bench.synpunkt.local>`,
      });
      const got = smtp.received.find((mail) => mail.to[0] === `bare+${i}@example.org`);
      if (!got) throw new Error(`bare e-mail ${i} did not arrive`);
      if (i >= BARE_WARMUP) latencies.push(got.receivedPerf - start);
    }
  } finally {
    transport.close();
  }
  smtp.clear();
  return latencies;
}

/** Percentiles; a message that never came is Infinity, slower than any that did. */
function spread(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}

const show = (ms: number) => (Number.isFinite(ms) ? format(ms) : 'missing');
const ratio = (pipeline: number, bare: number) =>
  Number.isFinite(pipeline) ? `${(pipeline / bare).toFixed(0)}x` : 'n/a (over half missing)';

async function main(): Promise<void> {
  const twilio = new TimedTwilio();
  const smtp = new TimedSmtpSink();
  const twilioUrl = await twilio.start();
  const smtpUrl = await smtp.start();
  // The dispatcher's timer as in production: each commit kicks it anyway.
  const pollMs = String(new EnvironmentVariables().OUTBOX_POLL_MS);
  const app = await startBenchApp('responses', {
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM,
    TWILIO_API_URL: twilioUrl,
    SMTP_URL: smtpUrl,
    OUTBOX_POLL_MS: pollMs,
  });
  const lines: string[] = [];
  try {
    const bareSms = await bareTwilio(twilioUrl, twilio);
    const bareEmail = await bareMail(smtpUrl, smtp);

    const intakeUrl = new URL('/api/v1/cases', app.url);
    const warmup = WARMUP_S > 0 ? await paced(intakeUrl, WARMUP_S) : { requests: [] };
    const warmupReferences = new Set(
      warmup.requests.flatMap((request) => (request.reference ? [request.reference] : [])),
    );
    await awaitStragglers(warmupReferences, twilio, smtp);

    const cpuBefore = process.cpuUsage();
    const { requests, start } = await paced(intakeUrl, DURATION_S, warmup.requests.length);
    const cpu = process.cpuUsage(cpuBefore);
    const ownShare = (cpu.user + cpu.system) / 1000 / (performance.now() - start);
    const accepted = requests.filter((request) => request.status === 201 && request.reference);
    const expected = new Set(accepted.map((request) => request.reference!));
    const stillOpen = await awaitStragglers(expected, twilio, smtp);
    // The database first, then what had arrived: a message missing from the snapshot was
    // not sent yet when its outbox row was read, so that row says where it is held up.
    // Only the measured run's cases: not the warm-up's, nor the demo cases.
    const cases = (await storedCases(app.config.DATABASE_URL)).filter((stored) =>
      expected.has(stored.reference),
    );
    const smses = twilio.received.slice();
    const mails = smtp.received.slice();
    const { byReference, unmatched, repeated } = await deliveries(smses, mails);
    const missingOutbox = new Map<string, number>();
    for (const row of cases.filter((stored) => !byReference.has(stored.reference))) {
      const state = `outbox ${row.outbox_status ?? 'row absent'}${row.outbox_outcome ? ` (${row.outbox_outcome})` : ''}`;
      missingOutbox.set(state, (missingOutbox.get(state) ?? 0) + 1);
    }

    // Each case in commit order with its latencies; a message that never came counts as Infinity.
    const answeredAt = new Map(
      accepted.map((request) => [request.reference!, request.respondedAt]),
    );
    const measured = cases
      .sort((x, y) => x.created_ms - y.created_ms)
      .map((row) => {
        const delivery = byReference.get(row.reference);
        const answered = answeredAt.get(row.reference);
        const dispatched = row.dispatched_ms ?? Infinity;
        return {
          channel: row.reply_channel,
          misdirected: delivery !== undefined && delivery.to !== row.recipient,
          latency: delivery ? delivery.receivedAt - row.created_ms : Infinity,
          afterResponse:
            delivery && answered !== undefined ? delivery.receivedAt - answered : Infinity,
          toDispatch: dispatched - row.created_ms,
          fromDispatch: delivery ? delivery.receivedAt - dispatched : Infinity,
        };
      });
    const rows = (['sms', 'email', 'all'] as const).map((channel) => {
      const mine = measured.filter((one) => channel === 'all' || one.channel === channel);
      const missing = mine.filter((one) => one.latency === Infinity).length;
      return {
        channel,
        cases: mine.length,
        delivered: mine.length - missing,
        missing,
        misdirected: mine.filter((one) => one.misdirected).length,
        ...spread(mine.map((one) => one.latency)),
      };
    });
    const tenth = Math.max(1, Math.floor(measured.length / 10));
    const over = {
      afterResponse: spread(measured.map((one) => one.afterResponse)),
      toDispatch: spread(measured.map((one) => one.toDispatch)),
      fromDispatch: spread(measured.map((one) => one.fromDispatch)),
      first: spread(measured.slice(0, tenth).map((one) => one.latency)),
      last: spread(measured.slice(-tenth).map((one) => one.latency)),
    };

    const lastResponse = Math.max(...accepted.map((request) => request.respondedPerf!));
    const achieved = accepted.length / ((lastResponse - start) / 1000);
    const httpLatency = accepted.map((request) => request.respondedPerf! - request.slot);
    const lag = requests.map((request) => request.fired - request.slot);
    const failed = requests.length - accepted.length;
    const firstError = requests.find((request) => request.error || request.status !== 201);
    const http = spread(httpLatency);
    const lagSpread = spread(lag);
    const bare = { sms: spread(bareSms), email: spread(bareEmail) };
    const all = rows.find((row) => row.channel === 'all')!;

    const label = { sms: 'SMS', email: 'e-mail', all: 'together' };
    lines.push(
      `bench/responses — ${DURATION_S} s at ${RATE} cases/s after ${WARMUP_S} s of warm-up at the same rate, 2 cores, real PostgreSQL and Redis, OUTBOX_POLL_MS ${pollMs}`,
      `intake: offered ${RATE.toFixed(0)}/s, achieved ${achieved.toFixed(1)}/s; ${requests.length} sent, ${accepted.length} accepted (201), ${failed} failed${firstError && failed ? ` (first: ${firstError.error ?? `HTTP ${firstError.status}`})` : ''}`,
      `intake HTTP from slot: p50 ${format(http.p50)}  p99 ${format(http.p99)}  max ${format(http.max)}  (generator lag p99 ${format(lagSpread.p99)}; this process used ${(100 * ownShare).toFixed(0)} % of a core meanwhile)`,
      `commit → provider    cases  delivered  missing        p50        p90        p99        max`,
      ...rows.map(
        (row) =>
          `${label[row.channel].padEnd(18)} ${String(row.cases).padStart(7)} ${String(row.delivered).padStart(10)} ${String(row.missing).padStart(8)} ${[row.p50, row.p90, row.p99, row.max].map((ms) => show(ms).padStart(10)).join(' ')}`,
      ),
      `together, from the 201 at the client instead (after the commit): p50 ${show(over.afterResponse.p50)}  p99 ${show(over.afterResponse.p99)}`,
      `together, commit → outbox dispatched: p50 ${show(over.toDispatch.p50)}  p99 ${show(over.toDispatch.p99)}; dispatched → provider: p50 ${show(over.fromDispatch.p50)}  p99 ${show(over.fromDispatch.p99)}`,
      `together, over the run: first tenth of the cases p50 ${show(over.first.p50)} p99 ${show(over.first.p99)}; last tenth p50 ${show(over.last.p50)} p99 ${show(over.last.p99)}`,
      `bare, same process, ${BARE_CALLS} calls one at a time, call → receipt: twilio messages.create p50 ${format(bare.sms.p50)} p99 ${format(bare.sms.p99)}; nodemailer sendMail p50 ${format(bare.email.p50)} p99 ${format(bare.email.p99)}`,
      `pipeline p50 / bare p50: SMS ${ratio(rows[0].p50, bare.sms.p50)}, e-mail ${ratio(rows[1].p50, bare.email.p50)}`,
    );
    if (stillOpen > 0)
      lines.push(
        `${stillOpen} acknowledgements had not arrived ${STRAGGLER_WAIT_MS / 1000} s after the load`,
      );
    if (unmatched + repeated + all.misdirected > 0)
      lines.push(
        `messages without a case reference: ${unmatched}; repeated: ${repeated}; to another recipient than the case's: ${all.misdirected}`,
      );
    for (const [state, count] of missingOutbox) lines.push(`  missing: ${count} with ${state}`);
    lines.push(
      `goal: p99 commit → provider < ${GOAL_MS} ms — p99 ${show(all.p99)} (${all.p99 < GOAL_MS ? 'met' : 'NOT met'})`,
    );
  } finally {
    agent.destroy();
    await app.close();
    await dropQueues(app.config.REDIS_URL, app.config.QUEUE_PREFIX);
    await twilio.stop();
    await smtp.stop();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

runBench(main);
