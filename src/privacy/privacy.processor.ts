import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { JobName, QueueName, WORKER_OPTIONS } from '../infra/queue/queue.registry';
import { ScheduledJobProcessor } from '../infra/queue/scheduled-job.processor';
import type { JobSchedule } from '../infra/queue/scheduled-job.processor';
import { AnonymisationService } from './anonymisation.service';

/** Nightly, when nobody works cases: 03:15 Swedish time. */
export const NIGHTLY_ANONYMISATION: JobSchedule = {
  schedulerId: 'nightly-anonymisation',
  pattern: '15 3 * * *',
  tz: 'Europe/Stockholm',
  job: JobName.NightlyAnonymisation,
};

/** The privacy queue's worker: the nightly anonymisation (`privacy:anonymise` runs it by hand). */
@Processor(QueueName.Privacy, WORKER_OPTIONS)
export class PrivacyProcessor extends ScheduledJobProcessor {
  protected readonly logger = new Logger(PrivacyProcessor.name);

  constructor(
    private readonly anonymisation: AnonymisationService,
    @InjectQueue(QueueName.Privacy) queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(queue, NIGHTLY_ANONYMISATION);
  }

  protected async run(): Promise<Record<string, unknown>> {
    return { ...(await this.anonymisation.anonymiseExpired(this.clock.now())) };
  }
}
