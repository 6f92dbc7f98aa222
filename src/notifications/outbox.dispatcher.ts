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
import { QueueName } from '../infra/queue/queue.registry';
import { ClaimedOutboxRow, OutboxService } from './outbox.service';

const BATCH_SIZE = 200;
const ADD_TIMEOUT_MS = 3000;

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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly metrics: MetricsService,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = new Map([[QueueName.Notifications, notifications]]);
    // A queue emits 'error' while Redis is away; unheard, Node would treat it as a crash.
    for (const queue of this.queues.values()) {
      queue.on('error', (error) =>
        this.logger.warn({ err: error, queue: queue.name }, 'queue connection error'),
      );
    }
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
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
      while (
        !this.stopped &&
        (await this.outbox.withDueRows(BATCH_SIZE, (rows) => this.send(rows))) === BATCH_SIZE
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox dispatch paused; will retry');
    }
  }

  private async send(rows: ClaimedOutboxRow[]): Promise<string[]> {
    const sent: string[] = [];
    for (const row of rows) {
      const queue = this.queues.get(row.queue);
      if (!queue) {
        this.logger.error(
          { outboxId: row.id, queue: row.queue },
          'outbox row names an unknown queue',
        );
        continue;
      }
      try {
        await withTimeout(
          queue.add(
            row.jobName,
            { ...row.payload, outboxId: row.id },
            { jobId: outboxJobId(row.id) },
          ),
          ADD_TIMEOUT_MS,
        );
      } catch (error) {
        this.logger.warn(
          { err: error, outboxId: row.id },
          'queue not reachable; the row stays pending',
        );
        break;
      }
      this.metrics.outboxDispatched.inc({ queue: row.queue });
      sent.push(row.id);
    }
    return sent;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
