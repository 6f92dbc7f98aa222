import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeadlineNotices } from './deadline-notices';
import { DeadlinesProcessor } from './deadlines.processor';
import { DeadlinesService } from './deadlines.service';
import { ResponsePolicyService } from './response-policy.service';

/** Office hours, response targets and legal deadlines applied to cases. */
@Module({
  imports: [DirectoryModule, NotificationsModule],
  providers: [ResponsePolicyService, DeadlinesService, DeadlineNotices],
  exports: [ResponsePolicyService, DeadlinesService],
})
export class DeadlinesModule {}

/** The deadline checks' processor, only where this process works as a worker. */
@Module({
  imports: [DeadlinesModule, NotificationsModule],
  providers: [DeadlinesProcessor],
})
export class DeadlinesWorkerModule {}
