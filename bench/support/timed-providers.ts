// The two providers the worker talks to, as small local endpoints that note when each
// message arrived: a Twilio Messages resource and an SMTP server. Like the ones in
// test/support, but they stamp every message on receipt and do as little as possible
// while the load runs (an e-mail is kept raw and parsed afterwards).
import { createServer, IncomingMessage, Server } from 'node:http';
import { createServer as createNetServer, Server as NetServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A case reference (`SP-<year>-<number>`) anywhere in a text. */
export const REFERENCE_IN_TEXT = /SP-\d{4}-\d{6,}/;

export interface Stamped {
  /** Date.now() when the message had fully arrived: the wall clock the service also reads. */
  receivedAt: number;
  /** performance.now() at the same moment, for timing calls made from this process. */
  receivedPerf: number;
}

export interface TimedSms extends Stamped {
  to: string;
  body: string;
}

export interface TimedMail extends Stamped {
  to: string[];
  raw: Buffer;
  /** The first case reference in the raw message, found cheaply on receipt; to be confirmed by parsing. */
  rawReference: string | null;
}

/** Answers like Twilio's Messages resource (201 with a sid), stamping each message on arrival. */
export class TimedTwilio {
  readonly received: TimedSms[] = [];
  private readonly server: Server;
  private counter = 0;

  constructor() {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        const receivedAt = Date.now();
        const receivedPerf = performance.now();
        const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(request.url ?? '');
        response.setHeader('Content-Type', 'application/json');
        if (request.method !== 'POST' || !match) {
          response.statusCode = 404;
          response.end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
          return;
        }
        const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
        this.received.push({ receivedAt, receivedPerf, to: form.To, body: form.Body });
        response.statusCode = 201;
        response.end(
          JSON.stringify({
            sid: `SM${String(++this.counter).padStart(32, '0')}`,
            status: 'queued',
            to: form.To,
            from: form.From,
            body: form.Body,
            account_sid: match[1],
          }),
        );
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Forgets what has arrived so far (after a warm-up or a baseline). */
  clear(): void {
    this.received.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/**
 * A minimal SMTP server (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps each
 * message raw with the time its DATA ended. Not smtp-server: that one holds every
 * greeting back 100 ms to catch early talkers, which would put a fixed 100 ms of the
 * sink's own into every e-mail and cap a worker slot at under ten sends a second.
 */
export class TimedSmtpSink {
  readonly received: TimedMail[] = [];
  private readonly server: NetServer;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createNetServer((socket) => this.session(socket));
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    // Bytes as latin1 text: one character per byte, so the message is kept exactly.
    let pending = '';
    let inData = false;
    let recipients: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = pending.startsWith('.\r\n') ? 0 : pending.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const receivedAt = Date.now();
          const receivedPerf = performance.now();
          const text = end === 0 ? '' : `${pending.slice(0, end)}\r\n`;
          pending = pending.slice(end === 0 ? 3 : end + 5);
          inData = false;
          const raw = Buffer.from(text.replace(/^\./gm, ''), 'latin1');
          this.received.push({
            receivedAt,
            receivedPerf,
            to: recipients,
            raw,
            rawReference: REFERENCE_IN_TEXT.exec(text)?.[0] ?? null,
          });
          recipients = [];
          reply('250 OK: message queued');
          continue;
        }
        const lineEnd = pending.indexOf('\r\n');
        if (lineEnd < 0) return;
        const line = pending.slice(0, lineEnd);
        pending = pending.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-bench-sink\r\n250 8BITMIME');
        else if (verb === 'HELO' || verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'MAIL') {
          recipients = [];
          reply('250 Accepted');
        } else if (verb === 'RCPT') {
          recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? line.slice(8).trim());
          reply('250 Accepted');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          socket.end('221 Bye\r\n');
          return;
        } else reply('502 Command not implemented');
      }
    });
    reply('220 bench-sink ESMTP');
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  clear(): void {
    this.received.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.sockets.forEach((socket) => socket.destroy());
    });
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
