import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Job } from 'bullmq';
import { MetricsService } from '../infra/metrics/metrics.service';
import { isJobName, JobName, QueueName } from '../infra/queue/queue.registry';
import { OutboxService } from './outbox.service';
import type { DeliveryOutcome } from './sms-sender.service';

/**
 * What every queue's worker does around its handlers: run a job only while its outbox row
 * is unfinished (so a job dispatched twice does its work once), record the outcome on the
 * row, count it, and after the last retry record the failure where the case shows it.
 */
export abstract class OutboxJobProcessor<P extends { outboxId: string }>
  extends WorkerHost
  implements OnApplicationBootstrap
{
  protected abstract readonly queue: QueueName;
  protected readonly logger = new Logger(this.constructor.name);
  @Inject(APP_CONFIG) private readonly config!: AppConfig;

  constructor(
    protected readonly outbox: OutboxService,
    protected readonly metrics: MetricsService,
  ) {
    super();
  }

  /** The decorator's options are fixed at import; the configured concurrency applies here. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  /** The job's work: an exhaustive switch over the job names of this queue. */
  protected abstract handle(name: JobName, data: P): Promise<DeliveryOutcome>;

  /** Runs after a job finished, e.g. to send on the rows it wrote. */
  protected afterJob(): void {}

  /** Runs when a job's retries have run out: make sure nothing is silently dropped. */
  protected async afterFinalFailure(_job: Job<P, void, string>, _reason: string): Promise<void> {}

  async process(job: Job<P, void, string>): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`no handler for job ${job.name}`);
    const { outboxId } = job.data;
    if (!(await this.outbox.beginAttempt(outboxId))) return;
    const result = await this.handle(job.name, job.data);
    if (!result.recorded) await this.outbox.finish(outboxId, result.status, result.outcome);
    this.afterJob();
    this.metrics.jobsProcessed.inc({ queue: this.queue, job: job.name, outcome: result.status });
    this.logger.log({ jobId: job.id, outboxId, outcome: result.outcome }, `${job.name} processed`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error; BullMQ reconnects');
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<P, void, string> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.outbox.finish(job.data.outboxId, 'failed', error.message.slice(0, 500));
    await this.afterFinalFailure(job, error.message.slice(0, 500));
    this.metrics.jobsProcessed.inc({ queue: this.queue, job: job.name, outcome: 'failed' });
  }
}
