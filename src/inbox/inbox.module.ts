import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { InboxAssetsController } from './assets/inbox-assets.controller';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseActionsApiController, CaseViewApiController } from './case-api.controller';
import { CaseActionsService } from './case-actions.service';
import { CasePage } from './case-page';
import { CasePageController } from './case-page.controller';
import { CasePageService } from './case-page.service';
import { CaseWorkRepository } from './case-work.repository';
import { InboxApiController, InboxPageController } from './inbox.controller';
import { InboxListPage } from './inbox-list-page';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

/**
 * The handlers' inbox: case lists scoped by the access rules, the case page and its
 * actions, as pages and as JSON.
 */
@Module({
  imports: [AuthModule, AccountsModule, CasesModule, DeadlinesModule, NotificationsModule],
  controllers: [
    InboxPageController,
    InboxApiController,
    CasePageController,
    CaseViewApiController,
    CaseActionsApiController,
    InboxAssetsController,
  ],
  providers: [
    InboxRepository,
    InboxService,
    InboxListPage,
    CaseWorkRepository,
    CasePageService,
    CaseActionsService,
    CasePage,
  ],
})
export class InboxModule {}
