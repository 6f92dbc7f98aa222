import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { formatLocalDateTime } from '../messages/format-when';
import { clockLabel } from '../messages/message-kinds';
import { EmailSenderService } from '../notifications/email-sender.service';
import type { CaseClockEntity } from './case-clock.entity';
import { ResponsePolicyService } from './response-policy.service';

export type DeadlineEvent = 'deadline-warning' | 'deadline-breached';

/**
 * Makes a warning or a breach visible: an audit event on the case always, and an e-mail to
 * the responsible party's notify address when it has one, in the same transaction.
 */
@Injectable()
export class DeadlineNotices {
  private readonly baseUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly policies: ResponsePolicyService,
    private readonly email: EmailSenderService,
  ) {
    this.baseUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  }

  async record(
    manager: EntityManager,
    caseId: string,
    event: DeadlineEvent,
    clock: CaseClockEntity,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO case_events (case_id, actor, type, data) VALUES ($1, 'system', $2, $3)`,
      [caseId, event, JSON.stringify({ clock: clock.kind, dueAt: clock.dueAt })],
    );
    const [found] = await manager.query<
      {
        reference: string;
        kind: 'complaint';
        responsibleOrganisationId: string | null;
        contractId: string | null;
      }[]
    >(
      `SELECT reference, kind, responsible_organisation_id AS "responsibleOrganisationId", contract_id AS "contractId"
         FROM cases WHERE id = $1`,
      [caseId],
    );
    const policies = this.policies.current();
    const policy = found && policies?.forCase(found);
    if (!policies || !policy?.notifyEmail || !clock.dueAt) return;
    // Parties work in Swedish; their own templates may say otherwise.
    const message = policies.templates.render(
      event === 'deadline-warning' ? 'deadline-warning' : 'deadline-breach',
      'sv',
      policy.party.code,
      {
        reference: found.reference,
        organisation: policy.party.name,
        clock: clockLabel(clock.kind, 'sv'),
        dueAt: formatLocalDateTime(clock.dueAt, 'sv', policies.timeZone),
        caseUrl: `${this.baseUrl}/inbox/cases/${found.reference}`,
      },
    );
    await this.email.queue(manager, {
      caseId,
      kind: event,
      to: policy.notifyEmail,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  }
}
