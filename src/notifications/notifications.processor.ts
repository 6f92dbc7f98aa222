import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { uuidFromKey } from '../infra/ids/uuid-from-key';
import { MetricsService } from '../infra/metrics/metrics.service';
import { JobName, JobPayloads, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { AcknowledgementService } from './acknowledgement.service';
import { EmailSenderService } from './email-sender.service';
import { failQueuedMessages } from './message-failure';
import { OutboxJobProcessor } from './outbox-job.processor';
import { OutboxService } from './outbox.service';
import { DeliveryOutcome, SmsSenderService } from './sms-sender.service';
import { UrgentAlertService } from './urgent-alert.service';

type NotificationPayload =
  | JobPayloads[JobName.CaseAcknowledgement]
  | JobPayloads[JobName.SendSms]
  | JobPayloads[JobName.SendEmail]
  | JobPayloads[JobName.UrgentAlert];

/** The notifications queue's one worker: a thin switch over job names. */
@Processor(QueueName.Notifications, WORKER_OPTIONS)
export class NotificationsProcessor extends OutboxJobProcessor<NotificationPayload> {
  protected readonly queue = QueueName.Notifications;

  constructor(
    outbox: OutboxService,
    metrics: MetricsService,
    private readonly acknowledgements: AcknowledgementService,
    private readonly sms: SmsSenderService,
    private readonly email: EmailSenderService,
    private readonly urgent: UrgentAlertService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(outbox, metrics);
  }

  /** The messages a job may have written: by its outbox id, per channel, or named. */
  protected override async afterFinalFailure(
    job: Job<NotificationPayload, void, string>,
  ): Promise<void> {
    const { outboxId } = job.data;
    const named = 'messageId' in job.data ? [job.data.messageId] : [];
    await failQueuedMessages(
      this.dataSource,
      [outboxId, uuidFromKey(`${outboxId}:sms`), uuidFromKey(`${outboxId}:email`), ...named],
      'not sent: the provider could not be reached before the retries ran out',
    );
  }

  protected handle(name: JobName, data: NotificationPayload): Promise<DeliveryOutcome> {
    switch (name) {
      case JobName.CaseAcknowledgement:
        return this.acknowledgements.acknowledge(
          (data as JobPayloads[JobName.CaseAcknowledgement]).caseId,
          data.outboxId,
        );
      case JobName.SendSms:
        return this.sms.deliver((data as JobPayloads[JobName.SendSms]).messageId, data.outboxId);
      case JobName.SendEmail:
        return this.email.deliver(
          (data as JobPayloads[JobName.SendEmail]).messageId,
          data.outboxId,
        );
      case JobName.UrgentAlert:
        return this.urgent.alert((data as JobPayloads[JobName.UrgentAlert]).caseId, data.outboxId);
      case JobName.DeadlineCheck:
      case JobName.RecomputeDeadlines:
        throw new Error(`${name} belongs to the ${QueueName.Deadlines} queue`);
      case JobName.NightlyAnonymisation:
      case JobName.MonthlyExports:
        throw new Error(`${name} belongs to the ${QueueName.Privacy} queue`);
    }
  }
}
