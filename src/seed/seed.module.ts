import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IntakeModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
