import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Logger } from 'pino';
import { smsSegments } from '../../notifications/sms-text';
import { projectFile } from './project-file';

/** A fictional Swedish mobile number: the sender of the SMS the local catcher keeps. */
export const LOCAL_SMS_FROM = '+46701740699';

const TWILIO_VARIABLES = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM',
  'TWILIO_API_URL',
] as const;
const MAX_MAIL_BYTES = 25 * 1024 * 1024;
const MAX_FORM_BYTES = 64 * 1024;
const CASE_REFERENCE = /\bSP-\d{4}-\d{6,}\b/;

type OutboxEnv = Partial<
  Record<'SMTP_URL' | (typeof TWILIO_VARIABLES)[number], string | undefined>
>;

export interface LocalOutboxes {
  /** The catchers that started: none when the developer configured real services. */
  catching: Array<'mail' | 'sms'>;
  /** One `.eml` file per caught e-mail. */
  mailDirectory: string;
  /** One JSON line (`{at, to, body}`) per caught SMS. */
  smsFile: string;
  stop(): Promise<void>;
}

/** `.data/outbox` in the checkout, beside the embedded services' data. */
export function defaultOutboxDirectory(): string {
  return join(dirname(projectFile('package.json')), '.data', 'outbox');
}

/**
 * For `npm start` without a mail server or a Twilio account: when SMTP_URL is unset, a
 * local SMTP server keeps every e-mail as an `.eml` file; when no Twilio variable is set,
 * a local endpoint that answers like Twilio's Messages resource keeps every SMS as a JSON
 * line. Sets the variables in `env` to point at them; leaves configured ones alone. Logs
 * where a message went and its subject or size, never a recipient or an SMS text.
 */
export async function startLocalOutboxes(
  env: OutboxEnv,
  log: Logger,
  directory: string = defaultOutboxDirectory(),
): Promise<LocalOutboxes> {
  const mailDirectory = join(directory, 'mail');
  const smsFile = join(directory, 'sms.jsonl');
  const catching: LocalOutboxes['catching'] = [];
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of [...stops].reverse()) await stopOne().catch(() => undefined);
  };

  try {
    if (!env.SMTP_URL) {
      await mkdir(mailDirectory, { recursive: true });
      const mail = await startMailCatcher(mailDirectory, log);
      env.SMTP_URL = mail.url;
      stops.push(mail.stop);
      catching.push('mail');
    }
    if (TWILIO_VARIABLES.every((name) => !env[name])) {
      await mkdir(directory, { recursive: true });
      const accountSid = `AC${randomBytes(16).toString('hex')}`;
      const authToken = randomBytes(16).toString('hex');
      const sms = await startSmsCatcher(smsFile, { accountSid, authToken }, log);
      Object.assign(env, {
        TWILIO_ACCOUNT_SID: accountSid,
        TWILIO_AUTH_TOKEN: authToken,
        TWILIO_FROM: LOCAL_SMS_FROM,
        TWILIO_API_URL: sms.url,
      });
      stops.push(sms.stop);
      catching.push('sms');
    }
  } catch (error) {
    await stop();
    throw error;
  }

  if (catching.length > 0) {
    const where = [
      catching.includes('mail') ? `e-mail in ${shown(mailDirectory)}/` : null,
      catching.includes('sms') ? `SMS in ${shown(smsFile)}` : null,
    ].filter(Boolean);
    const unset = [
      catching.includes('mail') ? 'SMTP_URL' : null,
      catching.includes('sms') ? 'Twilio' : null,
    ].filter(Boolean);
    log.info(
      `no ${unset.join(' or ')} configured: outgoing messages are caught locally, not delivered: ${where.join(', ')}`,
    );
  }
  return { catching, mailDirectory, smsFile, stop };
}

async function startMailCatcher(
  mailDirectory: string,
  log: Logger,
): Promise<{ url: string; stop: () => Promise<void> }> {
  // A devDependency: loaded only here, so production code paths never need it. Through
  // Node's own require rather than import(): jest's sandbox refuses a native import()
  // (without --experimental-vm-modules), and this module is compiled to CommonJS anyway.
  const { SMTPServer } = createRequire(__filename)('smtp-server') as typeof import('smtp-server');
  let count = 0;

  const keep = async (data: Buffer): Promise<void> => {
    const name = `${new Date().toISOString().replace(/:/g, '-')}-${++count}.eml`;
    const file = join(mailDirectory, name);
    await writeFile(file, data, { flag: 'wx' });
    log.info({ subject: mailSubject(data) ?? '(none)' }, `caught e-mail → ${shown(file)}`);
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'Synpunkt local outbox: nothing is delivered',
    size: MAX_MAIL_BYTES,
    logger: false,
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(
            Object.assign(new Error('Message too large for the local outbox'), {
              responseCode: 552,
            }),
          );
          return;
        }
        // Written before the reply: once the sender's sendMail resolves, the file is there.
        keep(Buffer.concat(chunks)).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', (error) => log.warn({ err: error }, 'local mail catcher'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startSmsCatcher(
  smsFile: string,
  account: { accountSid: string; authToken: string },
  log: Logger,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const expectedAuthorization = `Basic ${Buffer.from(
    `${account.accountSid}:${account.authToken}`,
  ).toString('base64')}`;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const answer = (status: number, body: Record<string, unknown>) => {
      response.statusCode = status;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(body));
    };
    const failure = (status: number, code: number, message: string) =>
      answer(status, {
        code,
        message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status,
      });

    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/.exec(path);
    if (request.method !== 'POST' || !match) {
      request.resume();
      return failure(404, 20404, 'The requested resource was not found');
    }
    if (
      match[1] !== account.accountSid ||
      request.headers.authorization !== expectedAuthorization
    ) {
      request.resume();
      return failure(401, 20003, 'Authenticate');
    }
    const form = await readForm(request);
    if (!form) return failure(413, 20001, 'Request too large');
    const to = form.get('To');
    const from = form.get('From');
    const body = form.get('Body');
    if (!to) return failure(400, 21604, "A 'To' phone number is required.");
    if (!body) return failure(400, 21602, 'Message body is required.');

    const now = new Date();
    await appendFile(smsFile, `${JSON.stringify({ at: now.toISOString(), to, body })}\n`);
    const { encoding, segments } = smsSegments(body);
    log.info(
      {
        characters: [...body].length,
        encoding,
        segments,
        reference: CASE_REFERENCE.exec(body)?.[0],
      },
      `caught SMS → ${shown(smsFile)}`,
    );

    const sid = `SM${randomBytes(16).toString('hex')}`;
    answer(201, {
      sid,
      account_sid: account.accountSid,
      api_version: '2010-04-01',
      status: 'queued',
      direction: 'outbound-api',
      to,
      from,
      body,
      num_segments: String(segments),
      num_media: '0',
      messaging_service_sid: null,
      price: null,
      price_unit: null,
      error_code: null,
      error_message: null,
      date_created: now.toUTCString(),
      date_updated: now.toUTCString(),
      date_sent: null,
      uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${sid}.json`,
    });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      log.warn({ err: error }, 'local SMS catcher could not keep a message');
      if (response.headersSent) return;
      response.statusCode = 500;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ code: 20500, message: 'Internal Server Error', status: 500 }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The form body, or null when it is larger than any SMS request would be. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The decoded Subject header of a raw message (RFC 5322 unfolding, RFC 2047 words). */
export function mailSubject(raw: Buffer): string | undefined {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const header = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n(?=[ \t])/g, '');
  const line = header.split(/\r?\n/).find((candidate) => /^subject:/i.test(candidate));
  return line === undefined ? undefined : decodeEncodedWords(line.slice('subject:'.length).trim());
}

const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;
const ENCODED_RUN = /=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=(?:\s*=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)*/g;

function decodeEncodedWords(value: string): string {
  // Adjacent encoded words form one text (whitespace between them is not part of it), and
  // a character may be split across them: decode each run's bytes together per charset.
  return value.replace(ENCODED_RUN, (run) => {
    let decoded = '';
    let charset = '';
    let bytes: Buffer[] = [];
    const flush = () => {
      if (bytes.length > 0) decoded += decodeBytes(Buffer.concat(bytes), charset);
      bytes = [];
    };
    for (const [, wordCharset, encoding, encoded] of run.matchAll(ENCODED_WORD)) {
      if (wordCharset.toLowerCase() !== charset) flush();
      charset = wordCharset.toLowerCase();
      bytes.push(
        encoding.toUpperCase() === 'B'
          ? Buffer.from(encoded, 'base64')
          : Buffer.from(
              encoded
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_hex, hex: string) =>
                  String.fromCharCode(parseInt(hex, 16)),
                ),
              'latin1',
            ),
      );
    }
    flush();
    return decoded;
  });
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** A path as the log shows it: relative to the checkout when inside it. */
function shown(path: string): string {
  const inside = relative(dirname(projectFile('package.json')), path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
