import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { IntakeModule } from '../intake/intake.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SmsInboundService } from './sms-inbound.service';
import { SmsRateLimitGuard } from './sms-rate-limit.guard';
import { SmsController } from './sms.controller';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** The SMS channel: Twilio's inbound and status webhooks. */
@Module({
  imports: [IntakeModule, CasesModule, NotificationsModule],
  controllers: [SmsController],
  providers: [SmsInboundService, TwilioSignatureGuard, SmsRateLimitGuard],
})
export class SmsModule {}
