import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Twilio } from 'twilio';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobName } from '../infra/queue/queue.registry';
import { failMessage } from './message-failure';
import { OutboxService } from './outbox.service';
import { capSms, smsSegments } from './sms-text';
import { createTwilioClient } from './twilio-client';

export interface DeliveryOutcome {
  status: 'done' | 'failed';
  outcome: string;
  /** The job's outbox row was finished with the message, in the same statement. */
  recorded?: boolean;
}

/**
 * Marks a message sent and, when the job that sent it is given, finishes that job's outbox
 * row in the same statement: one commit instead of two on the worker's hot path.
 */
export async function markSent(
  dataSource: DataSource,
  messageId: string,
  set: { providerRef: string | null; providerStatus: string },
  outcome: string,
  finishJob?: string,
): Promise<DeliveryOutcome> {
  await dataSource.query(
    `WITH sent AS (
       UPDATE outbound_messages
          SET status = 'sent', provider_ref = coalesce($2, provider_ref), provider_status = $3,
              sent_at = now(), error = NULL
        WHERE id = $1)
     UPDATE outbox SET status = 'done', outcome = $4, processed_at = now() WHERE id = $5`,
    [messageId, set.providerRef, set.providerStatus, outcome, finishJob ?? null],
  );
  return { status: 'done', outcome, recorded: finishJob !== undefined };
}

interface SendableSms {
  status: string;
  recipient: string;
  body: string;
  optedOut: boolean;
}

export interface OutgoingSms {
  caseId?: string;
  /** acknowledgement, urgent-alert, … or `message` (the default) for a handler's text. */
  kind?: string;
  to: string;
  body: string;
}

/** A provider error that retrying will not mend: an invalid number, a refused sender. */
function isPermanent(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

/** SMS to travellers through Twilio: queued as rows with a job, sent by the worker. */
@Injectable()
export class SmsSenderService {
  private readonly logger = new Logger(SmsSenderService.name);
  private readonly client: Twilio | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {
    this.client = createTwilioClient(config);
    if (!this.client)
      this.logger.warn(
        'SMS is disabled: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are not set',
      );
  }

  /** Writes an SMS and its send job inside the caller's transaction. */
  async queue(manager: EntityManager, message: OutgoingSms, id?: string): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO outbound_messages (id, case_id, channel, kind, recipient, body, segments)
       VALUES (coalesce($1::uuid, gen_random_uuid()), $2, 'sms', $3, $4, $5, $6) RETURNING id`,
      [
        id ?? null,
        message.caseId ?? null,
        message.kind ?? 'message',
        message.to,
        ...capped(message.body),
      ],
    );
    const messageId = rows[0].id;
    await this.outbox.add(manager, JobName.SendSms, { messageId, caseId: message.caseId });
    return messageId;
  }

  /**
   * Writes the SMS row with a known id unless it exists (a retried job finds its own row),
   * then sends it once: one round trip before the provider call.
   */
  async prepareAndDeliver(
    id: string,
    message: OutgoingSms,
    finishJob?: string,
  ): Promise<DeliveryOutcome> {
    const [row] = await this.dataSource.query<SendableSms[]>(
      `WITH added AS (
         INSERT INTO outbound_messages (id, case_id, channel, kind, recipient, body, segments)
         VALUES ($1, $2, 'sms', $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING
         RETURNING id, status, recipient, body),
       found AS (
         SELECT id, status, recipient, body FROM added
         UNION ALL
         SELECT id, status, recipient, body FROM outbound_messages
          WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM added))
       SELECT f.status, f.recipient, f.body,
              EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone = f.recipient) AS "optedOut"
         FROM found f`,
      [id, message.caseId ?? null, message.kind ?? 'message', message.to, ...capped(message.body)],
    );
    return this.send(id, row, finishJob);
  }

  /**
   * Sends a queued SMS once. A provider 4xx fails it for good with the reason; a 5xx or
   * a timeout throws, so the job retries with backoff.
   */
  async deliver(messageId: string, finishJob?: string): Promise<DeliveryOutcome> {
    const [row] = await this.dataSource.query<SendableSms[]>(
      `SELECT m.status, m.recipient, m.body,
              EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone = m.recipient) AS "optedOut"
         FROM outbound_messages m WHERE m.id = $1`,
      [messageId],
    );
    return this.send(messageId, row, finishJob);
  }

  private async send(
    messageId: string,
    message: SendableSms | undefined,
    finishJob: string | undefined,
  ): Promise<DeliveryOutcome> {
    if (!message) return { status: 'failed', outcome: 'message no longer exists' };
    if (message.status !== 'queued')
      return { status: 'done', outcome: `already ${message.status}` };
    if (message.optedOut)
      return this.finish(messageId, 'skipped', 'the number has opted out (STOP)');
    if (!this.client || !this.config.TWILIO_FROM)
      return this.finish(messageId, 'failed', 'SMS is not configured');
    try {
      const sent = await this.client.messages.create({
        to: message.recipient,
        from: this.config.TWILIO_FROM,
        body: message.body,
        statusCallback: `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/webhooks/twilio/status`,
      });
      return markSent(
        this.dataSource,
        messageId,
        { providerRef: sent.sid, providerStatus: sent.status },
        'SMS sent',
        finishJob,
      );
    } catch (error) {
      if (!isPermanent(error)) throw error;
      // Twilio's words may quote the number: kept on the message, not in the logs.
      const detail = `provider refused: ${(error as Error).message}`.slice(0, 500);
      await failMessage(this.dataSource, messageId, detail);
      const { status, code } = error as { status?: number; code?: number };
      return {
        status: 'failed',
        outcome: `provider refused the message (HTTP ${status}${code ? `, code ${code}` : ''})`,
      };
    }
  }

  /** Records a delivery status callback; false when no message has that provider id. */
  async recordStatus(
    providerRef: string,
    providerStatus: string,
    errorCode?: string,
  ): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH updated AS (
         UPDATE outbound_messages SET provider_status = $2,
                error = CASE WHEN $3::text IS NULL THEN error ELSE 'provider error ' || $3 END
          WHERE provider_ref = $1 RETURNING id)
       SELECT id FROM updated`,
      [providerRef, providerStatus, errorCode ?? null],
    );
    return rows.length > 0;
  }

  private async finish(
    messageId: string,
    status: 'skipped' | 'failed',
    reason: string,
  ): Promise<DeliveryOutcome> {
    if (status === 'failed') {
      await failMessage(this.dataSource, messageId, reason);
      return { status: 'failed', outcome: reason };
    }
    await this.dataSource.query(
      `UPDATE outbound_messages SET status = 'skipped', error = $2 WHERE id = $1`,
      [messageId, reason],
    );
    return { status: 'done', outcome: reason };
  }
}

/** The text as it will be sent (at most three parts) and how many parts that is. */
function capped(body: string): [string, number] {
  const text = capSms(body);
  return [text, smsSegments(text).segments];
}
