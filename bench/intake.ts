// bench/intake: the JSON intake, the web form and the signed SMS webhook under autocannon at
// rising concurrency, against the real stack (PostgreSQL, Redis, workers), next to a bare
// `pg` insert of the same row at the same concurrency in this process. Run: npm run bench:intake
import 'reflect-metadata';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { getExpectedTwilioSignature } from 'twilio';
import { FakeTwilio } from '../test/support/fake-twilio';
import { SmtpSink } from '../test/support/smtp-sink';
import { startBenchApp } from './support/bench-app';
import { format, summarise } from './support/stats';
import { runBench } from './support/run-bench';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '10,50').split(',').map(Number);
const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
const AUTH_TOKEN = 'bench-token';

const REPORT = {
  kind: 'complaint',
  category: 'punctuality',
  description: 'Bussen på linje 4 kom tio minuter för sent och jag missade tåget till Stockholm.',
  line: 'linje 4',
  stop: 'Uppsala Centralstation',
  occurredAt: '2021-10-05T07:45:00+02:00',
  contact: { name: 'Bench Resenär', email: 'bench@example.se' },
};

interface Row {
  what: string;
  concurrency: number | string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** The floor: the same row inserted with bare pg, `concurrency` loops for the same time. */
async function bareInsert(databaseUrl: string, concurrency: number): Promise<Row> {
  // PostgreSQL allows 100 clients here, and the service holds some: loops share at most 40.
  const pool = new Pool({ connectionString: databaseUrl, max: Math.min(concurrency, 40) });
  pool.on('error', () => undefined);
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_baseline (LIKE cases INCLUDING DEFAULTS)`);
  const latencies: number[] = [];
  const until = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        await pool.query(
          `INSERT INTO bench_baseline (reference, kind, category, description, line_text, stop_text, channel, language,
             contact_name, contact_email, reply_channel, occurred_at)
           VALUES ($1, 'complaint', 'punctuality', $2, 'linje 4', 'Uppsala Centralstation', 'api', 'sv', $3, $4, 'email', $5)`,
          [
            randomUUID(),
            REPORT.description,
            REPORT.contact.name,
            REPORT.contact.email,
            REPORT.occurredAt,
          ],
        );
        latencies.push(performance.now() - start);
      }
    }),
  );
  await pool.end();
  const stats = summarise(latencies);
  return {
    what: 'bare pg insert',
    concurrency,
    perSecond: latencies.length / DURATION_S,
    p50: stats.p50,
    p99: stats.p99,
    errors: 0,
  };
}

/** Waits until the workers have caught up (no job pending or in flight), so runs do not measure each other's backlog. */
async function drainBacklog(databaseUrl: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined);
  const started = performance.now();
  try {
    for (;;) {
      const [{ open }] = (
        await pool.query<{ open: string }>(
          `SELECT count(*)::text AS open FROM outbox WHERE status IN ('pending', 'dispatched')`,
        )
      ).rows;
      if (open === '0' || performance.now() - started > 180_000) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await pool.end();
  }
}

async function cannon(
  what: string,
  options: autocannon.Options,
  concurrency: number | string,
): Promise<Row> {
  const result = await autocannon({ duration: DURATION_S, ...options });
  // The form answers a stored report with 303 to its receipt: that is success too.
  const redirects = result['3xx'] ?? 0;
  const errors = result.errors + result.timeouts + result.non2xx - redirects;
  return {
    what,
    concurrency,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
}

function smsRequest(baseUrl: string, publicBaseUrl: string) {
  return (request: autocannon.Request): autocannon.Request => {
    const params = {
      MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
      AccountSid: ACCOUNT_SID,
      From: `+4670${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      To: '+46700000000',
      Body: 'Buss 4 kom aldrig i morse',
      NumMedia: '0',
    };
    const signature = getExpectedTwilioSignature(
      AUTH_TOKEN,
      `${publicBaseUrl}/webhooks/twilio/sms`,
      params,
    );
    return {
      ...request,
      method: 'POST',
      path: '/webhooks/twilio/sms',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body: new URLSearchParams(params).toString(),
    };
  };
}

const FORM_FIELDS = {
  kind: 'complaint',
  category: 'staff-treatment',
  description: REPORT.description,
  line: '4',
  stop: 'Flogsta',
  date: '2021-10-05',
  time: '17:30',
  name: 'Bench Resenär',
  email: 'bench@example.se',
  replyChannel: 'email',
};

/** Opens the form `count` times as browsers would, keeping each cookie and token: one per post. */
async function formSessions(
  baseUrl: string,
  count: number,
): Promise<Array<{ cookie: string; token: string }>> {
  const sessions: Array<{ cookie: string; token: string }> = [];
  while (sessions.length < count) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await fetch(`${baseUrl}/feedback`);
        const cookie = /synpunkt_form=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
        const token = /name="token" value="([^"]+)"/.exec(await response.text())?.[1];
        if (!cookie || !token) throw new Error('the form came without its cookie or token');
        return { cookie, token };
      }),
    );
    sessions.push(...batch);
  }
  return sessions;
}

function formRequest(sessions: Array<{ cookie: string; token: string }>) {
  let next = 0;
  return (request: autocannon.Request): autocannon.Request => {
    const session = sessions[next++ % sessions.length];
    return {
      ...request,
      method: 'POST',
      path: '/feedback',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
      body: new URLSearchParams({ token: session.token, ...FORM_FIELDS }).toString(),
    };
  };
}

async function main(): Promise<void> {
  const twilioApi = new FakeTwilio();
  const smtp = new SmtpSink();
  const publicBaseUrl = 'https://bench.synpunkt.local';
  const app = await startBenchApp('intake', {
    PUBLIC_BASE_URL: publicBaseUrl,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: '+46700000000',
    TWILIO_API_URL: await twilioApi.start(),
    SMTP_URL: await smtp.start(),
  });
  const rows: Row[] = [];
  try {
    const json = {
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(REPORT),
    };
    const drained: number[] = [];
    const settle = async () => drained.push(await drainBacklog(app.config.DATABASE_URL));
    for (const concurrency of CONCURRENCY) {
      rows.push(await bareInsert(app.config.DATABASE_URL, concurrency));
      rows.push(
        await cannon(
          'POST /api/v1/cases',
          { url: `${app.url}/api/v1/cases`, connections: concurrency, ...json },
          concurrency,
        ),
      );
      await settle();
      const sessions = await formSessions(
        app.url,
        600 * Math.ceil(concurrency / 10) * Math.ceil(DURATION_S / 3),
      );
      rows.push(
        await cannon(
          'POST /feedback',
          {
            url: app.url,
            connections: concurrency,
            requests: [{ setupRequest: formRequest(sessions) }],
          },
          concurrency,
        ),
      );
      await settle();
      rows.push(
        await cannon(
          'POST /webhooks/twilio/sms',
          {
            url: app.url,
            connections: concurrency,
            requests: [{ setupRequest: smsRequest(app.url, publicBaseUrl) }],
          },
          concurrency,
        ),
      );
      await settle();
    }
    rows.push(
      await cannon(
        'POST /api/v1/cases @ 200/s',
        { url: `${app.url}/api/v1/cases`, connections: 10, overallRate: 200, ...json },
        '200/s',
      ),
    );
  } finally {
    await app.close();
    await twilioApi.stop();
    await smtp.stop();
  }
  const table = rows.map(
    (row) =>
      `${row.what.padEnd(28)} ${String(row.concurrency).padStart(6)}  ${row.perSecond.toFixed(0).padStart(7)}/s  p50 ${format(row.p50).padStart(9)}  p99 ${format(row.p99).padStart(9)}  errors ${row.errors}`,
  );
  const ratios = CONCURRENCY.map((c) => {
    const bare = rows.find((r) => r.what === 'bare pg insert' && r.concurrency === c)!;
    const intake = rows.find((r) => r.what === 'POST /api/v1/cases' && r.concurrency === c)!;
    return `concurrency ${c}: JSON intake at ${((100 * intake.perSecond) / bare.perSecond).toFixed(0)} % of the bare insert rate`;
  });
  const fixedRate = rows.find((r) => r.concurrency === '200/s')!;
  process.stdout.write(
    [
      `bench/intake — ${DURATION_S} s per run, 2 cores, real PostgreSQL and Redis`,
      ...table,
      ...ratios,
      `goal: intake >= 50 % of bare insert; p99 < 50 ms at 200 requests/s — p99 ${format(fixedRate.p99)} (${fixedRate.p99 < 50 ? 'met' : 'NOT met'})`,
    ].join('\n') + '\n',
  );
}

runBench(main);
