import { Inject, Injectable } from '@nestjs/common';
import { CasesService } from '../cases/cases.service';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { acknowledgementText } from './acknowledgement.text';
import { MailerService } from './mailer.service';
import { DeliveryOutcome, SmsSenderService } from './sms-sender.service';

/** Tells the traveller their case has arrived and what its reference is, on their reply channel. */
@Injectable()
export class AcknowledgementService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly mailer: MailerService,
    private readonly sms: SmsSenderService,
  ) {}

  async acknowledge(caseId: string, outboxId: string): Promise<DeliveryOutcome> {
    const found = await this.cases.findById(caseId);
    if (!found) return { status: 'failed', outcome: 'case no longer exists' };
    const text = acknowledgementText({ reference: found.reference, language: found.language });
    if (found.replyChannel === 'sms' && found.contactPhone) {
      // The outbox id doubles as the SMS row's id, so a retried job sends the same message.
      await this.sms.prepare(outboxId, {
        caseId: found.id,
        to: found.contactPhone,
        body: text.sms,
      });
      return this.sms.deliver(outboxId);
    }
    if (found.replyChannel !== 'email' || !found.contactEmail) {
      return {
        status: 'done',
        outcome: 'no reply channel given; the receipt carries the reference',
      };
    }
    const host = new URL(this.config.PUBLIC_BASE_URL).hostname;
    // The outbox id makes the Message-ID stable, so a retried send is recognisable downstream.
    await this.mailer.send({
      to: found.contactEmail,
      subject: text.subject,
      text: text.text,
      messageId: `<${outboxId}@${host}>`,
    });
    return { status: 'done', outcome: 'e-mail sent' };
  }
}
