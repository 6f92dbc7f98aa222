import { Inject, Injectable } from '@nestjs/common';
import { CasesService } from '../cases/cases.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ResponsePolicyService } from '../deadlines/response-policy.service';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { uuidFromKey } from '../infra/ids/uuid-from-key';
import { formatLocalDateTime } from '../messages/format-when';
import { EmailSenderService } from './email-sender.service';
import { DeliveryOutcome, SmsSenderService } from './sms-sender.service';

const DESCRIPTION_IN_ALERT = 300;

/**
 * Threats, violence, safety, a traveller left behind: the responsible party's on-call
 * contact hears of it at once, day and night, by SMS and e-mail. A party without an
 * on-call contact falls back to the authority's.
 */
@Injectable()
export class UrgentAlertService {
  private readonly baseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cases: CasesService,
    private readonly deadlines: DeadlinesService,
    private readonly policies: ResponsePolicyService,
    private readonly email: EmailSenderService,
    private readonly sms: SmsSenderService,
  ) {
    this.baseUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  }

  async alert(caseId: string, outboxId: string): Promise<DeliveryOutcome> {
    const found = await this.cases.findById(caseId);
    const policies = this.policies.current();
    if (!found || !policies) return { status: 'failed', outcome: 'no case or no area rules' };
    const policy = await this.deadlines.policyFor(found);
    const authority = policies.authority();
    const party = policy ?? { party: authority, onCall: authority.onCall };
    const onCall = party.onCall.phone || party.onCall.email ? party.onCall : authority.onCall;
    if (!onCall.phone && !onCall.email)
      return { status: 'failed', outcome: 'nobody is on call: no on-call phone or e-mail' };

    const message = policies.templates.render('urgent-alert', 'sv', party.party.code, {
      reference: found.reference,
      organisation: party.party.name,
      category: policies.categoryLabel(found.category, 'sv'),
      line: found.lineRef ?? found.lineText ?? '',
      stop: found.stopText ?? '',
      occurredAt: found.occurredAt
        ? formatLocalDateTime(found.occurredAt, 'sv', policies.timeZone)
        : '',
      description: shorten(found.description, DESCRIPTION_IN_ALERT),
      caseUrl: `${this.baseUrl}/inbox/cases/${found.reference}`,
    });
    // Each channel has its own row; a retry after one of them went out sends only the other.
    const outcomes: DeliveryOutcome[] = [];
    if (onCall.phone) {
      outcomes.push(
        await this.sms.prepareAndDeliver(uuidFromKey(`${outboxId}:sms`), {
          caseId,
          kind: 'urgent-alert',
          to: onCall.phone,
          body: message.sms,
        }),
      );
    }
    if (onCall.email) {
      outcomes.push(
        await this.email.prepareAndDeliver(uuidFromKey(`${outboxId}:email`), {
          caseId,
          kind: 'urgent-alert',
          to: onCall.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
        }),
      );
    }
    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    return {
      status: failed.length === outcomes.length ? 'failed' : 'done',
      outcome: outcomes.map((outcome) => outcome.outcome).join('; '),
    };
  }
}

function shorten(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  // Three dots, not an ellipsis: "…" is outside GSM-7 and would make the SMS cost double.
  return single.length <= max ? single : `${single.slice(0, max - 3)}...`;
}
