import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { isJobName, JobName, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { AnonymisationService } from './anonymisation.service';

/** Nightly, when nobody works cases: 03:15 Swedish time. */
export const NIGHTLY_ANONYMISATION = {
  schedulerId: 'nightly-anonymisation',
  pattern: '15 3 * * *',
  tz: 'Europe/Stockholm',
} as const;

/**
 * The privacy queue's worker. Its one job is repeated by a BullMQ job scheduler rather
 * than written to the outbox, so it has no outbox row; the work is idempotent instead.
 */
@Processor(QueueName.Privacy, WORKER_OPTIONS)
export class PrivacyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PrivacyProcessor.name);

  constructor(
    private readonly anonymisation: AnonymisationService,
    @InjectQueue(QueueName.Privacy) private readonly queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  /** Upserting is idempotent: every worker may do it at start without doubling the job. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        NIGHTLY_ANONYMISATION.schedulerId,
        { pattern: NIGHTLY_ANONYMISATION.pattern, tz: NIGHTLY_ANONYMISATION.tz },
        { name: JobName.NightlyAnonymisation, data: {} },
      );
    } catch (error) {
      // Redis away at start: the next worker start schedules it; the CLI runs it by hand.
      this.logger.warn({ err: error }, 'could not schedule the nightly anonymisation');
    }
  }

  async process(job: Job<unknown, unknown, string>): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`no handler for job ${job.name}`);
    const name: JobName = job.name;
    switch (name) {
      case JobName.NightlyAnonymisation: {
        const summary = await this.anonymisation.anonymiseExpired(this.clock.now());
        this.logger.log({ jobId: job.id, ...summary }, `${job.name} processed`);
        return;
      }
      case JobName.CaseAcknowledgement:
      case JobName.SendSms:
      case JobName.SendEmail:
      case JobName.UrgentAlert:
      case JobName.DeadlineCheck:
      case JobName.RecomputeDeadlines:
      case JobName.MonthlyExports:
        throw new Error(`${name} does not belong to the ${QueueName.Privacy} queue`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error; BullMQ reconnects');
  }
}
