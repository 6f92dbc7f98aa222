import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { RidershipController } from '../ridership/ridership.controller';
import { RidershipModule } from '../ridership/ridership.module';
import { ReportsModule } from '../reports/reports.module';
import { PartnershipController } from './partnership.controller';
import { PartnershipPage } from './partnership-page';
import { PartnershipPageController } from './partnership-page.controller';
import { PartnershipRepository } from './partnership.repository';
import { PartnershipService } from './partnership.service';

/**
 * The partnership cycle: forums and their cycles, improvement actions and their effect,
 * as JSON, as the /inbox/partnership page, and the ridership upload. The monthly reports
 * read through PartnershipRepository.
 */
@Module({
  imports: [AuthModule, AccountsModule, RidershipModule, ReportsModule],
  controllers: [PartnershipController, PartnershipPageController, RidershipController],
  providers: [PartnershipRepository, PartnershipService, PartnershipPage],
  exports: [PartnershipRepository, PartnershipService],
})
export class PartnershipModule {}
