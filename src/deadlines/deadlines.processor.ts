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
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { OutboxService } from '../notifications/outbox.service';
import { DeadlinesService } from './deadlines.service';

type DeadlinePayload = JobPayloads[JobName.DeadlineCheck] | JobPayloads[JobName.RecomputeDeadlines];
type DeadlineJob = Job<DeadlinePayload, void, string>;

/** The deadlines queue's worker: delayed checks per case, and recomputes after new rules. */
@Processor(QueueName.Deadlines, WORKER_OPTIONS)
export class DeadlinesProcessor extends WorkerHost {
  private readonly logger = new Logger(DeadlinesProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly deadlines: DeadlinesService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: DeadlineJob): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`no handler for job ${job.name}`);
    const { outboxId } = job.data;
    if (!(await this.outbox.beginAttempt(outboxId))) return;
    const outcome = await this.handle(job.name, job.data);
    await this.outbox.finish(outboxId, 'done', outcome);
    // A check writes the next check and any notices: send them on now, not at the next poll.
    this.dispatcher.kick();
    this.metrics.jobsProcessed.inc({ queue: QueueName.Deadlines, job: job.name, outcome: 'done' });
    this.logger.log({ jobId: job.id, outboxId, outcome }, `${job.name} processed`);
  }

  private async handle(name: JobName, data: DeadlinePayload): Promise<string> {
    switch (name) {
      case JobName.DeadlineCheck:
        return this.deadlines.runCheck(
          (data as JobPayloads[JobName.DeadlineCheck]).caseId,
          data.outboxId,
        );
      case JobName.RecomputeDeadlines:
        return `${await this.deadlines.recomputeOpenCases()} open case(s) recomputed`;
      case JobName.CaseAcknowledgement:
      case JobName.SendSms:
      case JobName.SendEmail:
      case JobName.UrgentAlert:
        throw new Error(`${name} belongs to the ${QueueName.Notifications} queue`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error; BullMQ reconnects');
  }

  @OnWorkerEvent('failed')
  async onFailed(job: DeadlineJob | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.outbox.finish(job.data.outboxId, 'failed', error.message.slice(0, 500));
    this.metrics.jobsProcessed.inc({
      queue: QueueName.Deadlines,
      job: job.name,
      outcome: 'failed',
    });
  }
}
