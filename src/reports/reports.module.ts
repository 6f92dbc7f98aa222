import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PartnershipRepository } from '../partnership/partnership.repository';
import { RidershipRepository } from '../ridership/ridership.repository';
import { MonthlyExportsService } from './monthly-exports.service';
import { ReportActions } from './report-actions';
import { ReportsController } from './reports.controller';
import { ReportsProcessor } from './reports.processor';
import { ACTION_SOURCE, ReportsService } from './reports.service';

/** The monthly complaint-trend reports and their scheduled export. */
@Module({
  imports: [DeadlinesModule, NotificationsModule],
  providers: [
    ReportsService,
    MonthlyExportsService,
    PartnershipRepository,
    RidershipRepository,
    { provide: ACTION_SOURCE, useClass: ReportActions },
  ],
  exports: [ReportsService, MonthlyExportsService],
})
export class ReportsModule {}

/** The reports on request, for the forums and integrations. */
@Module({ imports: [ReportsModule], controllers: [ReportsController] })
export class ReportsApiModule {}

/** The daily check for the monthly export, only where this process works as a worker. */
@Module({ imports: [ReportsModule], providers: [ReportsProcessor] })
export class ReportsWorkerModule {}
