import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { ApiTokensService } from './api-tokens.service';
import { CredentialsRepository } from './credentials.repository';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

/**
 * Accounts, sessions and API tokens over the database alone: no queues, so the CLI and
 * the demo seed can use it as the HTTP service does.
 */
@Module({
  providers: [
    AccountsRepository,
    CredentialsRepository,
    PasswordHasher,
    AccountsService,
    SessionsService,
    ApiTokensService,
  ],
  exports: [
    AccountsRepository,
    CredentialsRepository,
    PasswordHasher,
    AccountsService,
    SessionsService,
    ApiTokensService,
  ],
})
export class AccountsModule {}
