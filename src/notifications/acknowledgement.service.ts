import { Inject, Injectable } from '@nestjs/common';
import { isOpen } from '../calendar/business-calendar';
import type { CaseWithHandler } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ResponsePolicyService } from '../deadlines/response-policy.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { formatAnswerBy } from '../messages/format-when';
import { MessageTemplates } from '../messages/message-templates';
import { EmailSenderService } from './email-sender.service';
import { DeliveryOutcome, SmsSenderService } from './sms-sender.service';

// Without an area file the texts still go out, from the built-in templates.
const FALLBACK_TEMPLATES = new MessageTemplates();

/**
 * Tells the traveller at once that their case has arrived: its reference, who handles it
 * and when a person will answer, on their reply channel and in their language.
 */
@Injectable()
export class AcknowledgementService {
  private readonly baseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cases: CasesService,
    private readonly deadlines: DeadlinesService,
    private readonly policies: ResponsePolicyService,
    private readonly email: EmailSenderService,
    private readonly sms: SmsSenderService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.baseUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  }

  async acknowledge(caseId: string, outboxId: string): Promise<DeliveryOutcome> {
    const facts = await this.cases.findWithHandler(caseId);
    if (!facts) return { status: 'failed', outcome: 'case no longer exists' };
    const found = facts.case;
    const to =
      found.replyChannel === 'sms'
        ? found.contactPhone
        : found.replyChannel === 'email'
          ? found.contactEmail
          : null;
    if (!to) {
      return {
        status: 'done',
        outcome: 'no reply channel given; the receipt carries the reference',
      };
    }
    const policy = await this.deadlines.policyFor(found);
    const openAtArrival = policy ? isOpen(policy.calendar, found.createdAt) : false;
    if (policy?.acknowledge === 'outside-office-hours' && openAtArrival) {
      return { status: 'done', outcome: 'the contract sends no acknowledgement in office hours' };
    }
    const message = this.render(facts, openAtArrival);
    // The outbox id doubles as the message row's id, so a retried job sends the same message.
    if (found.replyChannel === 'sms') {
      return this.sms.prepareAndDeliver(
        outboxId,
        { caseId, kind: 'acknowledgement', to, body: message.sms },
        outboxId,
      );
    }
    return this.email.prepareAndDeliver(
      outboxId,
      {
        caseId,
        kind: 'acknowledgement',
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: this.email.threadId(found.reference),
      },
      outboxId,
    );
  }

  private render(
    { case: found, handler: organisation, answerBy: due }: CaseWithHandler,
    openNow: boolean,
  ) {
    const policies = this.policies.current();
    // "i morgon" is said from when the traveller reads it: now, not when the case arrived.
    const answerBy =
      due && policies
        ? formatAnswerBy(due, this.clock.now(), found.language, policies.timeZone)
        : '';
    return (policies?.templates ?? FALLBACK_TEMPLATES).render(
      'acknowledgement',
      found.language,
      organisation?.code ?? null,
      {
        reference: found.reference,
        organisation:
          organisation?.name ?? (found.language === 'sv' ? 'kundtjänst' : 'customer service'),
        answerBy,
        openNow,
        category: policies?.categoryLabel(found.category, found.language) ?? '',
        statusUrl: `${this.baseUrl}/api/v1/cases/${found.reference}`,
      },
    );
  }
}
