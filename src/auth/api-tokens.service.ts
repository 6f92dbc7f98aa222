import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { InvalidInputError } from '../infra/errors/app-error';
import { ApiTokenNotFoundError, SessionRequiredError } from './auth.errors';
import { hashSecret, isApiToken, newApiToken } from './credentials';
import { CredentialsRepository } from './credentials.repository';
import type { ApiTokenRow } from './credentials.repository';
import type { Principal } from './principal';
import { SESSION_TOUCH_INTERVAL_MS } from './sign-in-policy';

export const MAX_API_TOKEN_NAME_LENGTH = 100;

/** Integrations' bearer tokens (`spt_…`): each acts as its owner, with the owner's organisation and role. */
@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);

  constructor(
    private readonly credentials: CredentialsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Makes a token for the signed-in person; the token is in the answer once and only
   * its hash is kept. A token cannot make tokens: a leaked one must not multiply.
   */
  async create(principal: Principal, name: string): Promise<ApiTokenRow & { token: string }> {
    if (principal.via !== 'session') throw new SessionRequiredError();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > MAX_API_TOKEN_NAME_LENGTH)
      throw new InvalidInputError('auth.api-token-invalid', 'The token needs a name.', [
        { field: 'name', reason: `must be 1-${MAX_API_TOKEN_NAME_LENGTH} characters` },
      ]);
    const token = newApiToken();
    const row = await this.credentials.insertApiToken(
      principal.userId,
      trimmed,
      hashSecret(token),
      this.clock.now(),
    );
    this.logger.log({ userId: principal.userId, tokenId: row.id }, 'API token created');
    return { ...row, token };
  }

  list(principal: Principal): Promise<ApiTokenRow[]> {
    return this.credentials.listApiTokens(principal.userId);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const revoked = await this.credentials.revokeApiToken(principal.userId, id, this.clock.now());
    if (!revoked) throw new ApiTokenNotFoundError();
    this.logger.log({ userId: principal.userId, tokenId: id }, 'API token revoked');
  }

  /** The owner's principal for a live token of an enabled user; null otherwise. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!isApiToken(token)) return null;
    const now = this.clock.now();
    const row = await this.credentials.findApiTokenPrincipal(
      hashSecret(token),
      now,
      new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS),
    );
    return row ? { ...row, via: 'api-token' } : null;
  }
}
