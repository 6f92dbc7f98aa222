import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { AccountsService } from './accounts.service';
import { hashSecret, isSecret, newSecret } from './credentials';
import { CredentialsRepository } from './credentials.repository';
import type { Principal } from './principal';
import { idleCutoff, newSessionTimes, SESSION_TOUCH_INTERVAL_MS } from './sign-in-policy';

export interface NewSession {
  /** The cookie's value: handed out once, stored only as its hash. */
  token: string;
  expiresAt: Date;
  principal: Principal;
}

/** Browser sessions: sign-in, the per-request check, sign-out. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly credentials: CredentialsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Checks the password and opens a new session. A session the browser had before is
   * ended rather than reused, so a token planted before sign-in is worth nothing after.
   */
  async signIn(email: unknown, password: unknown, previousToken?: unknown): Promise<NewSession> {
    const principal = await this.accounts.checkSignIn(email, password);
    if (isSecret(previousToken)) await this.credentials.deleteSession(hashSecret(previousToken));
    const token = newSecret();
    const now = this.clock.now();
    const times = newSessionTimes(now);
    await this.dataSource.transaction(async (manager) => {
      await this.credentials.deleteEndedSessionsOf(manager, principal.userId, now, idleCutoff(now));
      await this.credentials.insertSession(manager, hashSecret(token), principal.userId, times);
    });
    return { token, expiresAt: times.expiresAt, principal: { ...principal, via: 'session' } };
  }

  /** The principal of a live session; null for an unknown, ended or disabled user's one. No argon2 here. */
  async authenticate(token: unknown): Promise<Principal | null> {
    if (!isSecret(token)) return null;
    const now = this.clock.now();
    const row = await this.credentials.findSessionPrincipal(
      hashSecret(token),
      now,
      idleCutoff(now),
      new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS),
    );
    return row ? { ...row, via: 'session' } : null;
  }

  async signOut(token: unknown): Promise<void> {
    if (isSecret(token)) await this.credentials.deleteSession(hashSecret(token));
  }
}
