import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { DirectoryModule } from '../directory/directory.module';
import { IntakeModule } from '../intake/intake.module';
import { RoutingModule } from '../routing/routing.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IntakeModule, DirectoryModule, RoutingModule, AccountsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
