import { Processor } from '@nestjs/bullmq';
import { MetricsService } from '../infra/metrics/metrics.service';
import { JobName, JobPayloads, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { AcknowledgementService } from './acknowledgement.service';
import { EmailSenderService } from './email-sender.service';
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
  ) {
    super(outbox, metrics);
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
    }
  }
}
