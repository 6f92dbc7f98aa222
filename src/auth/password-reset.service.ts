import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '../cases/case.model';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { EmailSenderService } from '../notifications/email-sender.service';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { normaliseEmail, passwordProblem, passwordReason } from './account-input';
import { AccountsRepository } from './accounts.repository';
import { AccountInvalidError, ResetLinkInvalidError } from './auth.errors';
import { hashSecret, isSecret, newSecret } from './credentials';
import { CredentialsRepository } from './credentials.repository';
import { PasswordHasher } from './password-hasher';
import { passwordResetEmail } from './password-reset-email';

export const RESET_LINK_TTL_MS = 3600_000;
// More links than this an hour to one address are not sent: a form cannot flood a mailbox.
const MAX_RESET_LINKS_PER_HOUR = 3;

/** Password reset by e-mail: a one-hour, single-use link through the outbound e-mail queue. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    private readonly emails: EmailSenderService,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Sends a reset link when the address belongs to an enabled account. Says nothing
   * either way: the caller answers the same whether or not a message went out.
   */
  async request(emailInput: unknown, language: Language): Promise<void> {
    const email = normaliseEmail(emailInput);
    const user = email ? await this.accounts.findActive(email) : null;
    if (!email || !user) return;
    const now = this.clock.now();
    const recent = await this.credentials.countPasswordResetsSince(
      user.id,
      new Date(now.getTime() - RESET_LINK_TTL_MS),
    );
    if (recent >= MAX_RESET_LINKS_PER_HOUR) {
      this.logger.warn({ userId: user.id }, 'password reset link not sent: too many this hour');
      return;
    }
    const token = newSecret();
    const link = new URL('/inbox/reset-password', this.config.PUBLIC_BASE_URL);
    link.search = new URLSearchParams({ token, lang: language }).toString();
    await this.dataSource.transaction(async (manager) => {
      await this.credentials.insertPasswordReset(
        manager,
        hashSecret(token),
        user.id,
        now,
        new Date(now.getTime() + RESET_LINK_TTL_MS),
      );
      await this.emails.queue(manager, {
        kind: 'password-reset',
        to: email,
        ...passwordResetEmail(language, user.name, link.toString()),
      });
    });
    this.dispatcher.kick();
    this.logger.log({ userId: user.id }, 'password reset link queued');
  }

  /** Whether the link can still be used: it exists, is unused, unexpired, and its account enabled. */
  async isUsable(token: unknown): Promise<boolean> {
    return (
      isSecret(token) && this.credentials.isPasswordResetUsable(hashSecret(token), this.clock.now())
    );
  }

  /**
   * Sets the new password with the link, once: the lockout is lifted and every session
   * of the account ends (whoever knew the old password is signed out).
   */
  async complete(token: unknown, password: string): Promise<void> {
    if (!isSecret(token)) throw new ResetLinkInvalidError();
    const problem = passwordProblem(password);
    if (problem)
      throw new AccountInvalidError([{ field: 'password', reason: passwordReason(problem) }]);
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    const userId = await this.dataSource.transaction(async (manager) => {
      const owner = await this.credentials.usePasswordReset(manager, hashSecret(token), now);
      if (!owner) throw new ResetLinkInvalidError();
      await this.accounts.setPassword(manager, owner, passwordHash);
      await this.credentials.deleteSessionsOf(manager, owner);
      return owner;
    });
    this.logger.log({ userId }, 'password changed through a reset link');
  }
}
