import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { isJobName, JobName, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { MonthlyExportsService } from './monthly-exports.service';

/**
 * Every morning at 06:00 Swedish time; the job itself exports only on the first working
 * day of a month (a cron pattern cannot say "first working day").
 */
export const MONTHLY_EXPORTS = {
  schedulerId: 'monthly-exports',
  pattern: '0 6 * * *',
  tz: 'Europe/Stockholm',
} as const;

/** The reports queue's worker: the monthly exports to the forums. */
@Processor(QueueName.Reports, WORKER_OPTIONS)
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly exports: MonthlyExportsService,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  /** Upserting is idempotent: every worker may do it at start without doubling the job. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        MONTHLY_EXPORTS.schedulerId,
        { pattern: MONTHLY_EXPORTS.pattern, tz: MONTHLY_EXPORTS.tz },
        { name: JobName.MonthlyExports, data: {} },
      );
    } catch (error) {
      // Redis away at start: the next worker start schedules it; the CLI runs it by hand.
      this.logger.warn({ err: error }, 'could not schedule the monthly exports');
    }
  }

  async process(job: Job<unknown, unknown, string>): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`no handler for job ${job.name}`);
    const name: JobName = job.name;
    switch (name) {
      case JobName.MonthlyExports: {
        const summary = await this.exports.runIfDue(this.clock.now());
        this.logger.log({ jobId: job.id, ...summary }, `${job.name} processed`);
        return;
      }
      case JobName.CaseAcknowledgement:
      case JobName.SendSms:
      case JobName.SendEmail:
      case JobName.UrgentAlert:
      case JobName.DeadlineCheck:
      case JobName.RecomputeDeadlines:
      case JobName.NightlyAnonymisation:
        throw new Error(`${name} does not belong to the ${QueueName.Reports} queue`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error; BullMQ reconnects');
  }
}
