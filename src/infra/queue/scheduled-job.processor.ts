import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { JobName } from './queue.registry';

/** A job repeated by a BullMQ job scheduler on a cron pattern in a time zone. */
export interface JobSchedule {
  schedulerId: string;
  pattern: string;
  tz: string;
  job: JobName;
}

/**
 * The worker of a queue whose one job is repeated by a job scheduler rather than written
 * to the outbox: it has no outbox row, so its work must be idempotent instead. Every
 * worker upserts the scheduler at start; upserting the same id does not double the job.
 */
export abstract class ScheduledJobProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected abstract readonly logger: Logger;

  constructor(
    private readonly queue: Queue,
    private readonly schedule: JobSchedule,
  ) {
    super();
  }

  /** The job's work; what it returns is logged with the job's id. */
  protected abstract run(): Promise<Record<string, unknown>>;

  async onApplicationBootstrap(): Promise<void> {
    const { schedulerId, pattern, tz, job } = this.schedule;
    try {
      await this.queue.upsertJobScheduler(schedulerId, { pattern, tz }, { name: job, data: {} });
    } catch (error) {
      // Redis away at start: the next worker start schedules it.
      this.logger.warn({ err: error, schedulerId }, 'could not schedule the job');
    }
  }

  async process(job: Job<unknown, unknown, string>): Promise<void> {
    if (job.name !== String(this.schedule.job))
      throw new Error(`${job.name} does not belong to the ${this.queue.name} queue`);
    const summary = await this.run();
    this.logger.log({ jobId: job.id, ...summary }, `${job.name} processed`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error; BullMQ reconnects');
  }
}
