import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ALL_QUEUES } from './queue.registry';
import { redisOptionsFromUrl } from './redis-connection';

// Producers fail fast while Redis is away (no offline queue): the outbox keeps the job
// and the dispatcher tries again, so nothing waits on a dead connection.
const queues = BullModule.registerQueueAsync(
  ...ALL_QUEUES.map((name) => ({
    name,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      connection: { ...redisOptionsFromUrl(config.REDIS_URL), enableOfflineQueue: false },
    }),
  })),
);

/** Registers every BullMQ queue once, on the configured Redis and key prefix. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.REDIS_URL),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      }),
    }),
    queues,
  ],
  exports: [queues],
})
export class QueueModule {}
