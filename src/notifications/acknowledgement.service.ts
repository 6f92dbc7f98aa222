import { Inject, Injectable } from '@nestjs/common';
import { CasesService } from '../cases/cases.service';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { acknowledgementText } from './acknowledgement.text';
import { MailerService } from './mailer.service';

export type AcknowledgementOutcome =
  { status: 'done'; outcome: string } | { status: 'failed'; outcome: string };

/** Tells the traveller their case has arrived and what its reference is. */
@Injectable()
export class AcknowledgementService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly mailer: MailerService,
  ) {}

  async acknowledge(caseId: string, outboxId: string): Promise<AcknowledgementOutcome> {
    const found = await this.cases.findById(caseId);
    if (!found) return { status: 'failed', outcome: 'case no longer exists' };
    if (found.replyChannel !== 'email' || !found.contactEmail) {
      return {
        status: 'done',
        outcome: 'no e-mail reply wanted; the receipt carries the reference',
      };
    }
    const { subject, text } = acknowledgementText({
      reference: found.reference,
      language: found.language,
    });
    const host = new URL(this.config.PUBLIC_BASE_URL).hostname;
    // The outbox id makes the Message-ID stable, so a retried send is recognisable downstream.
    await this.mailer.send({
      to: found.contactEmail,
      subject,
      text,
      messageId: `<${outboxId}@${host}>`,
    });
    return { status: 'done', outcome: 'e-mail sent' };
  }
}
