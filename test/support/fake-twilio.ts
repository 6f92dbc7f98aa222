import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface SentSms {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
}

/**
 * A local HTTP endpoint that answers like Twilio's Messages resource, so the real twilio
 * library can send to it. `refuseNext` makes it answer as Twilio does for a bad number.
 */
export class FakeTwilio {
  readonly sent: SentSms[] = [];
  refuseWith?: { status: number; code: number; message: string };
  private readonly server: Server;
  private counter = 0;
  private waiters: Array<() => void> = [];

  constructor() {
    this.server = createServer((request, response) => {
      void readForm(request).then((form) => {
        const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(request.url ?? '');
        response.setHeader('Content-Type', 'application/json');
        if (request.method !== 'POST' || !match) {
          response.statusCode = 404;
          response.end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
          return;
        }
        if (this.refuseWith) {
          response.statusCode = this.refuseWith.status;
          response.end(
            JSON.stringify({
              code: this.refuseWith.code,
              message: this.refuseWith.message,
              status: this.refuseWith.status,
            }),
          );
          return;
        }
        const sid = `SM${String(++this.counter).padStart(32, '0')}`;
        this.sent.push({
          accountSid: match[1],
          to: form.To,
          from: form.From,
          body: form.Body,
          statusCallback: form.StatusCallback,
        });
        response.statusCode = 201;
        response.end(
          JSON.stringify({
            sid,
            status: 'queued',
            to: form.To,
            from: form.From,
            body: form.Body,
            account_sid: match[1],
          }),
        );
        this.waiters.forEach((wake) => wake());
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with the first sent SMS that matches, waiting up to `timeoutMs`. */
  async waitFor(predicate: (sms: SentSms) => boolean, timeoutMs = 10_000): Promise<SentSms> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.sent.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching SMS arrived; sent: ${JSON.stringify(this.sent.map((s) => s.body))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
