import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { DirectoryModule } from '../directory/directory.module';
import type { AppConfig } from '../infra/config/app-config';
import { AppConfigModule } from '../infra/config/config.module';
import { ClockModule } from '../infra/clock/clock';
import { DatabaseModule } from '../infra/database/database.module';
import { LoggingModule } from '../infra/logging/logging.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { RidershipModule } from '../ridership/ridership.module';

/** What administrators' commands need: configuration, the database, the directory, accounts, privacy and ridership; no queues. */
@Module({})
export class CliModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClockModule,
        LoggingModule,
        DatabaseModule,
        DirectoryModule,
        AccountsModule,
        PrivacyModule,
        RidershipModule,
      ],
    };
  }
}
