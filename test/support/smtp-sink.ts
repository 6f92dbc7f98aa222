import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
}

/** A real SMTP server on a free local port that keeps what it receives. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  private waiters: Array<() => void> = [];
  /** While set, the server refuses every message with this SMTP reply. */
  refuseWith?: { code: number; message: string };

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on(
          'end',
          () =>
            void this.accept(
              Buffer.concat(chunks),
              session.envelope.rcptTo.map((r) => r.address),
              callback,
            ),
        );
      },
    });
  }

  private async accept(
    data: Buffer,
    to: string[],
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    if (this.refuseWith) {
      const error = Object.assign(new Error(this.refuseWith.message), {
        responseCode: this.refuseWith.code,
      });
      callback(error);
      return;
    }
    const parsed = await simpleParser(data);
    this.received.push({
      to,
      raw: data.toString('utf8'),
      parsed,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
    });
    callback();
    this.waiters.forEach((wake) => wake());
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Resolves when `count` messages have arrived, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} e-mails, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
    return this.received.slice(0, count);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
