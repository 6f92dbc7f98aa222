import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { MetricsService } from '../infra/metrics/metrics.service';
import {
  isJobName,
  JobName,
  JobPayloads,
  QueueName,
  WORKER_OPTIONS,
} from '../infra/queue/queue.registry';
import { AcknowledgementService } from './acknowledgement.service';
import { OutboxService } from './outbox.service';
import { EmailSenderService } from './email-sender.service';
import { DeliveryOutcome, SmsSenderService } from './sms-sender.service';
import { UrgentAlertService } from './urgent-alert.service';

type NotificationPayload =
  | JobPayloads[JobName.CaseAcknowledgement]
  | JobPayloads[JobName.SendSms]
  | JobPayloads[JobName.SendEmail]
  | JobPayloads[JobName.UrgentAlert];
type NotificationJob = Job<NotificationPayload, void, string>;

/** The notifications queue's one worker: a thin switch over job names. */
@Processor(QueueName.Notifications, WORKER_OPTIONS)
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly acknowledgements: AcknowledgementService,
    private readonly sms: SmsSenderService,
    private readonly email: EmailSenderService,
    private readonly urgent: UrgentAlertService,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: NotificationJob): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`no handler for job ${job.name}`);
    const { outboxId } = job.data;
    // Handlers are idempotent: a row already finished is not done again.
    if (!(await this.outbox.beginAttempt(outboxId))) return;
    const result = await this.handle(job.name, job.data);
    await this.outbox.finish(outboxId, result.status, result.outcome);
    this.metrics.jobsProcessed.inc({
      queue: QueueName.Notifications,
      job: job.name,
      outcome: result.status,
    });
    this.logger.log({ jobId: job.id, outboxId, outcome: result.outcome }, `${job.name} processed`);
  }

  private handle(name: JobName, data: NotificationPayload): Promise<DeliveryOutcome> {
    switch (name) {
      case JobName.CaseAcknowledgement:
        return this.acknowledgements.acknowledge(
          (data as JobPayloads[JobName.CaseAcknowledgement]).caseId,
          data.outboxId,
        );
      case JobName.SendSms:
        return this.sms.deliver((data as JobPayloads[JobName.SendSms]).messageId);
      case JobName.SendEmail:
        return this.email.deliver((data as JobPayloads[JobName.SendEmail]).messageId);
      case JobName.UrgentAlert:
        return this.urgent.alert((data as JobPayloads[JobName.UrgentAlert]).caseId, data.outboxId);
      case JobName.DeadlineCheck:
      case JobName.RecomputeDeadlines:
        throw new Error(`${name} belongs to the ${QueueName.Deadlines} queue`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error; BullMQ reconnects');
  }

  /** After the last retry the failure is recorded on the outbox row, where the case shows it. */
  @OnWorkerEvent('failed')
  async onFailed(job: NotificationJob | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.outbox.finish(job.data.outboxId, 'failed', error.message.slice(0, 500));
    this.metrics.jobsProcessed.inc({
      queue: QueueName.Notifications,
      job: job.name,
      outcome: 'failed',
    });
  }
}
