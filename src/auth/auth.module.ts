import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountsModule } from './accounts.module';
import { MeController } from './api/me.controller';
import { AuthGuard } from './auth.guard';
import { InboxForms } from './pages/inbox-forms';
import { InboxPageFilter } from './pages/inbox-page.filter';
import { InboxPages } from './pages/inbox-pages';
import { InboxPasswordController } from './pages/inbox-password.controller';
import { InboxSignInController } from './pages/inbox-sign-in.controller';
import { InboxViews } from './pages/inbox-views';
import { PasswordResetService } from './password-reset.service';
import { SignInRateLimitGuard } from './sign-in-rate-limit.guard';

/**
 * Sign-in for people of the authority and the operators: the global guard (every route
 * needs a session or an API token unless @Public()), the sign-in and password reset
 * pages under /inbox, and /api/v1/me with the API tokens.
 */
@Module({
  imports: [AccountsModule, NotificationsModule],
  controllers: [InboxSignInController, InboxPasswordController, MeController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    PasswordResetService,
    InboxViews,
    InboxPages,
    InboxForms,
    InboxPageFilter,
    SignInRateLimitGuard,
  ],
  // The inbox's pages share the layout, the CSRF cookies and the error pages.
  exports: [InboxPages, InboxForms, InboxPageFilter],
})
export class AuthModule {}
