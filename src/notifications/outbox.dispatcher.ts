import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { MetricsService } from '../infra/metrics/metrics.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { QueueName } from '../infra/queue/queue.registry';
import { ClaimedOutboxRow, OutboxService } from './outbox.service';

const BATCH_SIZE = 200;
const ADD_TIMEOUT_MS = 3000;
// A claimed row older than this whose job Redis no longer knows was lost (Redis restarted
// without persistence, or this process died between claim and add): it is dispatched again.
const STALE_CLAIM_SECONDS = 60;
const SWEEP_INTERVAL_MS = 30_000;

export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}

/**
 * Moves committed outbox rows to BullMQ. It runs on a timer and is kicked right after
 * each commit that adds a row; while Redis is down rows simply stay pending.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly queues: Map<string, Queue>;
  private timers: NodeJS.Timeout[] = [];
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly metrics: MetricsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
  ) {
    this.queues = new Map([
      [QueueName.Notifications, notifications],
      [QueueName.Deadlines, deadlines],
    ]);
    // A queue emits 'error' while Redis is away; unheard, Node would treat it as a crash.
    for (const queue of this.queues.values()) {
      queue.on('error', (error) =>
        this.logger.warn({ err: error, queue: queue.name }, 'queue connection error'),
      );
    }
  }

  onApplicationBootstrap(): void {
    this.timers = [
      setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS),
      setInterval(() => void this.sweepStaleClaims(), SWEEP_INTERVAL_MS),
    ];
    this.timers.forEach((timer) => timer.unref());
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((timer) => clearInterval(timer));
    await this.running;
  }

  /** Asks for a dispatch round soon; cheap to call after every commit. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Dispatches until nothing is due; resolves when done. Exposed for tests and shutdown. */
  async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) return;
        const rows = await this.outbox.claimDue(BATCH_SIZE);
        if (rows.length === 0) return;
        const sent = await this.send(rows);
        if (sent < rows.length || rows.length < BATCH_SIZE) return;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox dispatch paused; will retry');
    }
  }

  /** Adds the rows' jobs, a queue at a time in one round trip; puts back what did not go. */
  private async send(rows: ClaimedOutboxRow[]): Promise<number> {
    let sent = 0;
    for (const [name, queueRows] of groupBy(rows, (row) => row.queue)) {
      const queue = this.queues.get(name);
      if (!queue) {
        this.logger.error(
          { queue: name, rows: queueRows.length },
          'outbox rows name an unknown queue',
        );
        continue;
      }
      try {
        await withTimeout(
          queue.addBulk(
            queueRows.map((row) => ({
              name: row.jobName,
              data: { ...row.payload, outboxId: row.id },
              opts: { jobId: outboxJobId(row.id), ...this.delayOf(row) },
            })),
          ),
          ADD_TIMEOUT_MS,
        );
        sent += queueRows.length;
        this.metrics.outboxDispatched.inc({ queue: name }, queueRows.length);
      } catch (error) {
        this.logger.warn({ err: error, queue: name }, 'queue not reachable; the rows stay pending');
        await this.outbox.release(queueRows.map((row) => row.id));
      }
    }
    return sent;
  }

  /** A delayed job waits in BullMQ until its time, measured on the service's clock. */
  private delayOf(row: ClaimedOutboxRow): { delay?: number } {
    if (!row.runAt) return {};
    const delay = new Date(row.runAt).getTime() - this.clock.now().getTime();
    return delay > 0 ? { delay } : {};
  }

  /** Finds claims whose jobs Redis lost and dispatches them again. Exposed for tests. */
  async sweepStaleClaims(olderThanSeconds = STALE_CLAIM_SECONDS): Promise<number> {
    try {
      const stale = await this.outbox.staleClaims(olderThanSeconds, BATCH_SIZE);
      const lost: string[] = [];
      for (const row of stale) {
        const queue = this.queues.get(row.queue);
        if (queue && !(await withTimeout(queue.getJob(outboxJobId(row.id)), ADD_TIMEOUT_MS)))
          lost.push(row.id);
      }
      if (lost.length) {
        this.logger.warn({ rows: lost.length }, 'jobs lost from the queue are dispatched again');
        await this.outbox.release(lost);
        this.kick();
      }
      return lost.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'stale outbox sweep failed; will retry');
      return 0;
    }
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
