import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { MetricsService } from '../infra/metrics/metrics.service';
import { JobName, JobPayloads, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { OutboxJobProcessor } from '../notifications/outbox-job.processor';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { OutboxService } from '../notifications/outbox.service';
import type { DeliveryOutcome } from '../notifications/sms-sender.service';
import { DeadlinesService } from './deadlines.service';

type DeadlinePayload = JobPayloads[JobName.DeadlineCheck] | JobPayloads[JobName.RecomputeDeadlines];

/** The deadlines queue's worker: delayed checks per case, and recomputes after new rules. */
@Processor(QueueName.Deadlines, WORKER_OPTIONS)
export class DeadlinesProcessor extends OutboxJobProcessor<DeadlinePayload> {
  protected readonly queue = QueueName.Deadlines;

  constructor(
    outbox: OutboxService,
    metrics: MetricsService,
    private readonly deadlines: DeadlinesService,
    private readonly dispatcher: OutboxDispatcher,
  ) {
    super(outbox, metrics);
  }

  protected async handle(name: JobName, data: DeadlinePayload): Promise<DeliveryOutcome> {
    switch (name) {
      case JobName.DeadlineCheck:
        return {
          status: 'done',
          outcome: await this.deadlines.runCheck(
            (data as JobPayloads[JobName.DeadlineCheck]).caseId,
            data.outboxId,
          ),
        };
      case JobName.RecomputeDeadlines:
        return {
          status: 'done',
          outcome: `${await this.deadlines.recomputeOpenCases()} open case(s) recomputed`,
        };
      case JobName.CaseAcknowledgement:
      case JobName.SendSms:
      case JobName.SendEmail:
      case JobName.UrgentAlert:
        throw new Error(`${name} belongs to the ${QueueName.Notifications} queue`);
      case JobName.NightlyAnonymisation:
      case JobName.MonthlyExports:
        throw new Error(`${name} belongs to the ${QueueName.Privacy} queue`);
    }
  }

  protected override async afterFinalFailure(
    job: Job<DeadlinePayload, void, string>,
  ): Promise<void> {
    if (job.name === (JobName.DeadlineCheck as string))
      await this.deadlines.retryCheckLater(
        (job.data as JobPayloads[JobName.DeadlineCheck]).caseId,
        job.data.outboxId,
      );
  }

  /** A check writes the next check and any notices: send them on now, not at the next poll. */
  protected override afterJob(): void {
    this.dispatcher.kick();
  }
}
