import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { EmailInboundController } from './email-inbound.controller';
import { EmailInboundRepository } from './email-inbound.repository';
import { EmailInboundService } from './email-inbound.service';
import { InboundEmailSecretGuard } from './inbound-email-secret.guard';

/** The e-mail channel's way in: travellers' replies through a provider's inbound webhook. */
@Module({
  imports: [CasesModule, NotificationsModule],
  controllers: [EmailInboundController],
  providers: [EmailInboundService, EmailInboundRepository, InboundEmailSecretGuard],
})
export class EmailInboundModule {}
