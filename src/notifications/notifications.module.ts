import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AcknowledgementService } from './acknowledgement.service';
import { MailerService } from './mailer.service';
import { NotificationsProcessor } from './notifications.processor';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxService } from './outbox.service';
import { SmsSenderService } from './sms-sender.service';

/** The outbox and its dispatcher: what any process that commits jobs needs. */
@Module({
  imports: [CasesModule],
  providers: [OutboxService, OutboxDispatcher, SmsSenderService],
  exports: [OutboxService, OutboxDispatcher, SmsSenderService],
})
export class NotificationsModule {}

/**
 * The notification jobs' processor, imported only where this process works as a
 * worker, so that api and worker roles scale apart.
 */
@Module({
  imports: [NotificationsModule, CasesModule],
  providers: [MailerService, AcknowledgementService, NotificationsProcessor],
})
export class NotificationsWorkerModule {}
