import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { JobName, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { ScheduledJobProcessor } from '../infra/queue/scheduled-job.processor';
import type { JobSchedule } from '../infra/queue/scheduled-job.processor';
import { MonthlyExportsService } from './monthly-exports.service';

/**
 * Every morning at 06:00 Swedish time; the job itself exports only on the first working
 * day of a month (a cron pattern cannot say "first working day").
 */
export const MONTHLY_EXPORTS: JobSchedule = {
  schedulerId: 'monthly-exports',
  pattern: '0 6 * * *',
  tz: 'Europe/Stockholm',
  job: JobName.MonthlyExports,
};

/** The reports queue's worker: the monthly exports to the forums. */
@Processor(QueueName.Reports, WORKER_OPTIONS)
export class ReportsProcessor extends ScheduledJobProcessor {
  protected readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly monthlyExports: MonthlyExportsService,
    @InjectQueue(QueueName.Reports) queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(queue, MONTHLY_EXPORTS);
  }

  protected async run(): Promise<Record<string, unknown>> {
    return { ...(await this.monthlyExports.runIfDue(this.clock.now())) };
  }
}
