import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { checkNewAccount, MAX_PASSWORD_LENGTH, normaliseEmail } from './account-input';
import { AccountsRepository } from './accounts.repository';
import type { UserProfile } from './accounts.repository';
import {
  AccountInvalidError,
  EmailTakenError,
  SignInFailedError,
  UnauthenticatedError,
  UnknownUserError,
} from './auth.errors';
import { CredentialsRepository } from './credentials.repository';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { afterFailedSignIn, afterRightPassword, isLocked } from './sign-in-policy';

export interface CreateUserInput {
  organisationCode: string;
  email: string;
  name: string;
  // Checked here: the CLI passes what it was given.
  role: string;
  password: string;
}

/** Accounts: creating them, checking a password, disabling them. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates an account in an organisation of the area; refuses a taken address. */
  async createUser(input: CreateUserInput): Promise<{ id: string; email: string }> {
    const created = await this.tryCreateUser(input);
    if (!created) throw new EmailTakenError();
    return created;
  }

  /** Like createUser, but an address that has an account already is left as it is. */
  async createUserIfAbsent(input: CreateUserInput): Promise<boolean> {
    return (await this.tryCreateUser(input)) !== null;
  }

  /** A strong password for an account whose owner will change it: 24 characters, 144 random bits. */
  generatePassword(): string {
    return randomBytes(18).toString('base64url');
  }

  /**
   * The principal whose address and password these are. Every way to fail (unknown
   * address, wrong password, a locked or disabled account) throws the same error after
   * about the same time: an unknown address still costs one argon2 verification.
   */
  async checkSignIn(emailInput: unknown, passwordInput: unknown): Promise<Omit<Principal, 'via'>> {
    const email = normaliseEmail(emailInput);
    const password = typeof passwordInput === 'string' ? passwordInput : '';
    const plausible =
      email !== null && password !== '' && password.length <= 2 * MAX_PASSWORD_LENGTH;
    const account = plausible ? await this.accounts.findForSignIn(email) : null;
    if (!account) {
      await this.hasher.verifyNothing(password.slice(0, 2 * MAX_PASSWORD_LENGTH));
      throw new SignInFailedError();
    }
    const matches = await this.hasher.verify(account.passwordHash, password);
    if (account.disabledAt) throw new SignInFailedError();
    const now = this.clock.now();
    const after = await this.accounts.updateLockout(account.id, (state) =>
      matches ? afterRightPassword(state, now) : afterFailedSignIn(state, now),
    );
    if (!matches || isLocked(after, now)) {
      if (isLocked(after, now) && !isLocked(account, now))
        this.logger.warn({ userId: account.id }, 'account locked after repeated failed sign-ins');
      throw new SignInFailedError();
    }
    return account.principal;
  }

  async profile(userId: string): Promise<UserProfile> {
    const profile = await this.accounts.profile(userId);
    // The session was valid a moment ago; an account gone since is as good as signed out.
    if (!profile) throw new UnauthenticatedError();
    return profile;
  }

  /** Disables an account: its sessions end and its API tokens are revoked at once. */
  async disable(emailInput: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    if (!email)
      throw new AccountInvalidError([{ field: 'email', reason: 'must be an e-mail address' }]);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.accounts.disable(manager, email, now);
      if (!userId) throw new UnknownUserError();
      await this.credentials.deleteSessionsOf(manager, userId);
      await this.credentials.revokeApiTokensOf(manager, userId, now);
      this.logger.log({ userId }, 'account disabled');
    });
  }

  private async tryCreateUser(
    input: CreateUserInput,
  ): Promise<{ id: string; email: string } | null> {
    const { account, problems } = checkNewAccount(input);
    if (!account) throw new AccountInvalidError(problems);
    const organisation = await this.accounts.findOrganisation(account.organisationCode);
    if (!organisation)
      throw new AccountInvalidError([
        { field: 'organisation', reason: 'is not an organisation of the area' },
      ]);
    const id = await this.accounts.insert({
      organisationId: organisation.id,
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await this.hasher.hash(account.password),
    });
    if (id) this.logger.log({ userId: id, role: account.role }, 'account created');
    return id ? { id, email: account.email } : null;
  }
}
