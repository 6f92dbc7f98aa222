import { Module } from '@nestjs/common';
import { EmailSenderService } from './email-sender.service';
import { MailerService } from './mailer.service';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxService } from './outbox.service';
import { SmsSenderService } from './sms-sender.service';

/** The outbox, its dispatcher and the message rows: what any process that commits jobs needs. */
@Module({
  providers: [OutboxService, OutboxDispatcher, SmsSenderService, EmailSenderService, MailerService],
  exports: [OutboxService, OutboxDispatcher, SmsSenderService, EmailSenderService],
})
export class NotificationsModule {}
