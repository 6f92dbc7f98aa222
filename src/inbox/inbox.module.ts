import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { InboxApiController, InboxPageController } from './inbox.controller';
import { InboxListPage } from './inbox-list-page';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

/** The handlers' inbox: case lists scoped by the access rules, as pages and as JSON. */
@Module({
  imports: [AuthModule, AccountsModule],
  controllers: [InboxPageController, InboxApiController],
  providers: [InboxRepository, InboxService, InboxListPage],
})
export class InboxModule {}
