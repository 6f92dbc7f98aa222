import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DirectoryModule } from '../directory/directory.module';
import { IntakeModule } from '../intake/intake.module';
import { RoutingModule } from '../routing/routing.module';
import { DemoHistoryService } from './demo-history';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IntakeModule, DirectoryModule, RoutingModule, AccountsModule, DeadlinesModule],
  providers: [DemoSeedService, DemoHistoryService],
  exports: [DemoSeedService, DemoHistoryService],
})
export class SeedModule {}
