import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The service's Prometheus registry and the few counters that say whether cases flow. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'synpunkt_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly casesCreated = new Counter({
    name: 'synpunkt_cases_created_total',
    help: 'Cases stored, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  readonly outboxDispatched = new Counter({
    name: 'synpunkt_outbox_dispatched_total',
    help: 'Outbox rows handed to the queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly jobsProcessed = new Counter({
    name: 'synpunkt_jobs_processed_total',
    help: 'Jobs processed by outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'synpunkt_' });
  }
}
