import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { CLOCK } from '../infra/clock/clock';
import { uuidFromKey } from '../infra/ids/uuid-from-key';
import type { Clock } from '../infra/clock/clock';
import { IntakeAttachment, IntakeService } from '../intake/intake.service';
import { cleanText } from '../intake/clean-text';
import { toE164 } from '../intake/phone-number';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { SmsSenderService } from '../notifications/sms-sender.service';
import { parseLineHints } from '../routing/line-text';
import { guessLanguage, KEYWORD_REPLIES, smsKeyword } from './sms-keywords';

/** What Twilio's inbound-message webhook posts, as far as Synpunkt reads it. */
export interface InboundSms {
  messageSid: string;
  from: string;
  body: string;
  media: Array<{ url: string; contentType: string }>;
}

export type InboundOutcome =
  | { kind: 'keyword'; keyword: 'stop' | 'start' | 'help' }
  | { kind: 'joined'; caseId: string; duplicate: boolean }
  | { kind: 'opened'; reference: string; duplicate: boolean }
  | { kind: 'ignored'; reason: string };

// A message from a number with an open case this recent joins that case's thread.
const THREAD_WINDOW_MS = 14 * 24 * 3600_000;

/**
 * An inbound SMS becomes a keyword action, a follow-up on the sender's open case, or a
 * new case through the one intake path. Retries of the same MessageSid change nothing.
 */
@Injectable()
export class SmsInboundService {
  private readonly logger = new Logger(SmsInboundService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly intake: IntakeService,
    private readonly cases: CasesService,
    private readonly sms: SmsSenderService,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  async receive(untrusted: InboundSms): Promise<InboundOutcome> {
    const message = { ...untrusted, body: cleanText(untrusted.body) };
    const from = toE164(message.from);
    if (!from) return { kind: 'ignored', reason: 'the sender is not a phone number' };
    const keyword = smsKeyword(message.body);
    if (keyword) {
      await this.applyKeyword(from, keyword.keyword, keyword.language, message.messageSid);
      return { kind: 'keyword', keyword: keyword.keyword };
    }
    if (!message.body.trim() && message.media.length === 0)
      return { kind: 'ignored', reason: 'empty message' };

    // A retry of the message that opened a case must not join that case as a follow-up.
    const opened = await this.cases.findByIdempotencyKey(`sms:${message.messageSid}`);
    if (opened) return { kind: 'opened', reference: opened.reference, duplicate: true };

    const open = await this.cases.findRecentByPhone(
      from,
      new Date(this.clock.now().getTime() - THREAD_WINDOW_MS),
    );
    if (open) {
      const added = await this.dataSource.transaction(async (manager) => {
        const isNew = await this.cases.addInboundMessage(manager, open.id, {
          channel: 'sms',
          body: message.body,
          providerRef: message.messageSid,
        });
        if (isNew)
          for (const attachment of this.attachmentsOf(message))
            await this.cases.attach(manager, open.id, attachment);
        return isNew;
      });
      this.logger.log(
        { reference: open.reference, duplicate: !added },
        'SMS joined the thread of a recent case',
      );
      return { kind: 'joined', caseId: open.id, duplicate: !added };
    }

    const [line] = parseLineHints(message.body);
    const receipt = await this.intake.submit({
      channel: 'sms',
      kind: 'complaint',
      description: message.body.trim() || '(bild)',
      line,
      language: guessLanguage(message.body),
      contact: { phone: from },
      replyChannel: 'sms',
      idempotencyKey: `sms:${message.messageSid}`,
      attachments: this.attachmentsOf(message),
    });
    this.logger.log(
      { reference: receipt.case.reference, duplicate: receipt.duplicate },
      'SMS opened a case',
    );
    return { kind: 'opened', reference: receipt.case.reference, duplicate: receipt.duplicate };
  }

  private attachmentsOf(message: InboundSms): IntakeAttachment[] {
    return message.media.map((media) => ({ contentType: media.contentType, url: media.url }));
  }

  private async applyKeyword(
    phone: string,
    keyword: 'stop' | 'start' | 'help',
    language: 'sv' | 'en',
    messageSid: string,
  ) {
    // The reply's id derives from the MessageSid: a retried webhook does not answer twice.
    const replyId = uuidFromKey(`sms-keyword:${messageSid}`);
    await this.dataSource.transaction(async (manager) => {
      switch (keyword) {
        case 'stop':
          await manager.query(
            'INSERT INTO sms_opt_outs (phone) VALUES ($1) ON CONFLICT DO NOTHING',
            [phone],
          );
          return;
        case 'start':
          await manager.query('DELETE FROM sms_opt_outs WHERE phone = $1', [phone]);
          break;
        case 'help':
          break;
      }
      const [exists] = await manager.query<unknown[]>(
        'SELECT 1 FROM outbound_messages WHERE id = $1',
        [replyId],
      );
      if (!exists)
        await this.sms.queue(
          manager,
          { to: phone, body: KEYWORD_REPLIES[keyword][language] },
          replyId,
        );
    });
    this.dispatcher.kick();
  }
}
