import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { AppConfig, runsApi, runsWorker } from './infra/config/app-config';
import { AppConfigModule } from './infra/config/config.module';
import { ClockModule } from './infra/clock/clock';
import type { Clock } from './infra/clock/clock';
import { DatabaseModule } from './infra/database/database.module';
import { HealthModule } from './infra/health/health.module';
import { ProblemDetailsFilter } from './infra/http/problem-details.filter';
import { LoggingModule } from './infra/logging/logging.module';
import { MetricsModule } from './infra/metrics/metrics.module';
import { QueueModule } from './infra/queue/queue.module';
import { FeedbackModule } from './feedback/feedback.module';
import { InboxModule } from './inbox/inbox.module';
import { IntakeModule } from './intake/intake.module';
import { Open311Module } from './open311/open311.module';
import { SmsModule } from './sms/sms.module';
import { ReportsApiModule, ReportsWorkerModule } from './reports/reports.module';
import { EmailInboundModule } from './email-inbound/email-inbound.module';
import { DeadlinesWorkerModule } from './deadlines/deadlines.module';
import { NotificationsModule } from './notifications/notifications.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { PrivacyApiModule, PrivacyWorkerModule } from './privacy/privacy.module';
import { SeedModule } from './seed/seed.module';
import { PartnershipModule } from './partnership/partnership.module';

/**
 * The whole service, shaped by its role: `api` serves HTTP, `worker` runs the queue
 * processors, `both` (the default on one machine) does both in one process.
 */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    const infrastructure = [
      AppConfigModule.forRoot(config),
      ClockModule.forRoot(options.clock),
      LoggingModule,
      DatabaseModule,
      QueueModule,
      MetricsModule,
      // Controllers' guards resolve in every role, so the throttler is configured in every role.
      ThrottlerModule.forRoot({
        throttlers: [{ name: 'intake', ttl: 60_000, limit: config.INTAKE_RATE_LIMIT_PER_MINUTE }],
      }),
      ...(runsWorker(config)
        ? [
            NotificationsWorkerModule,
            DeadlinesWorkerModule,
            PrivacyWorkerModule,
            ReportsWorkerModule,
          ]
        : []),
    ];
    if (!runsApi(config)) {
      return { module: AppModule, imports: [...infrastructure, NotificationsModule] };
    }
    return {
      module: AppModule,
      imports: [
        ...infrastructure,
        HealthModule,
        AuthModule,
        CasesModule,
        InboxModule,
        IntakeModule,
        FeedbackModule,
        SmsModule,
        EmailInboundModule,
        Open311Module,
        SeedModule,
        PrivacyApiModule,
        ReportsApiModule,
        PartnershipModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
