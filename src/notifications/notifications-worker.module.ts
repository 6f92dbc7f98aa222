import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { AcknowledgementService } from './acknowledgement.service';
import { NotificationsModule } from './notifications.module';
import { NotificationsProcessor } from './notifications.processor';
import { UrgentAlertService } from './urgent-alert.service';

/**
 * The notification jobs' processor, imported only where this process works as a
 * worker, so that api and worker roles scale apart.
 */
@Module({
  imports: [NotificationsModule, CasesModule, DeadlinesModule],
  providers: [AcknowledgementService, UrgentAlertService, NotificationsProcessor],
})
export class NotificationsWorkerModule {}
