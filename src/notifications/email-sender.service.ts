import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobName } from '../infra/queue/queue.registry';
import { MailerService } from './mailer.service';
import { failMessage } from './message-failure';
import { OutboxService } from './outbox.service';
import { DeliveryOutcome, markSent } from './sms-sender.service';

export interface NewEmail {
  caseId?: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID to use; a case's first e-mail is its thread's root. */
  messageId?: string;
  inReplyTo?: string;
  /** Files sent along (a forum's monthly export); stored with the message until it is sent. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const SENDABLE_COLUMNS = `status, recipient, subject, body, html, provider_ref AS "providerRef", in_reply_to AS "inReplyTo"`;

interface SendableEmail {
  status: string;
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  providerRef: string | null;
  inReplyTo: string | null;
}

/** An SMTP reply that retrying will not mend: 5xx (no such mailbox, refused). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * E-mail as rows in `outbound_messages` with a send job, like SMS: written in the caller's
 * transaction, sent once by the worker, with a stable Message-ID so that a resend after a
 * crash is recognisable downstream.
 */
@Injectable()
export class EmailSenderService {
  private readonly host: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
  ) {
    this.host = new URL(config.PUBLIC_BASE_URL).hostname;
  }

  /** The Message-ID of a case's thread root: its reference, so replies find the case. */
  threadId(reference: string): string {
    return `<${reference}@${this.host}>`;
  }

  /** Writes an e-mail and its send job inside the caller's transaction. */
  async queue(manager: EntityManager, email: NewEmail): Promise<string> {
    const id = randomUUID();
    await this.insert(manager, id, email);
    await this.outbox.add(manager, JobName.SendEmail, { messageId: id, caseId: email.caseId });
    return id;
  }

  /**
   * Writes the e-mail row with a known id unless it exists (a retried job finds its own
   * row), then sends it once, with the row as stored.
   */
  async prepareAndDeliver(
    id: string,
    email: NewEmail,
    finishJob?: string,
  ): Promise<DeliveryOutcome> {
    const [row] = await this.dataSource.query<SendableEmail[]>(
      `WITH added AS (
         INSERT INTO outbound_messages (id, case_id, channel, kind, recipient, subject, body, html, provider_ref, in_reply_to)
         VALUES ($1, $2, 'email', $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
         RETURNING ${SENDABLE_COLUMNS})
       SELECT * FROM added
       UNION ALL
       SELECT ${SENDABLE_COLUMNS} FROM outbound_messages WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM added)`,
      this.values(id, email),
    );
    return this.send(id, row, finishJob);
  }

  /** Sends a queued e-mail once; an SMTP 5xx fails it for good, anything else retries. */
  async deliver(messageId: string, finishJob?: string): Promise<DeliveryOutcome> {
    const [row] = await this.dataSource.query<SendableEmail[]>(
      `SELECT ${SENDABLE_COLUMNS} FROM outbound_messages WHERE id = $1`,
      [messageId],
    );
    return this.send(messageId, row, finishJob);
  }

  private async send(
    messageId: string,
    email: SendableEmail | undefined,
    finishJob: string | undefined,
  ): Promise<DeliveryOutcome> {
    if (!email) return { status: 'failed', outcome: 'message no longer exists' };
    if (email.status !== 'queued') return { status: 'done', outcome: `already ${email.status}` };
    const attachments = await this.dataSource.query<EmailAttachment[]>(
      `SELECT file_name AS "fileName", content_type AS "contentType", content
         FROM outbound_attachments WHERE message_id = $1 ORDER BY file_name`,
      [messageId],
    );
    try {
      await this.mailer.send({
        to: email.recipient,
        subject: email.subject ?? '',
        text: email.body,
        html: email.html ?? undefined,
        messageId: email.providerRef ?? `<${messageId}@${this.host}>`,
        inReplyTo: email.inReplyTo ?? undefined,
        ...(attachments.length ? { attachments } : {}),
      });
    } catch (error) {
      if (!isPermanent(error)) throw error;
      // The server's words may quote the address: kept on the message, not in the logs.
      const detail = `mail server refused: ${(error as Error).message}`.slice(0, 500);
      await failMessage(this.dataSource, messageId, detail);
      const code = (error as { responseCode?: number }).responseCode;
      return { status: 'failed', outcome: `mail server refused the message (SMTP ${code})` };
    }
    return markSent(
      this.dataSource,
      messageId,
      { providerRef: null, providerStatus: 'accepted' },
      'e-mail sent',
      finishJob,
    );
  }

  private values(id: string, email: NewEmail): unknown[] {
    return [
      id,
      email.caseId ?? null,
      email.kind,
      email.to,
      email.subject,
      email.text,
      email.html,
      email.messageId ?? `<${id}@${this.host}>`,
      email.inReplyTo ?? null,
    ];
  }

  private async insert(manager: EntityManager, id: string, email: NewEmail): Promise<void> {
    await manager.query(
      `INSERT INTO outbound_messages (id, case_id, channel, kind, recipient, subject, body, html, provider_ref, in_reply_to)
       VALUES ($1, $2, 'email', $3, $4, $5, $6, $7, $8, $9)`,
      this.values(id, email),
    );
    for (const attachment of email.attachments ?? [])
      await manager.query(
        `INSERT INTO outbound_attachments (message_id, file_name, content_type, content)
         VALUES ($1, $2, $3, $4)`,
        [id, attachment.fileName, attachment.contentType, attachment.content],
      );
  }
}
