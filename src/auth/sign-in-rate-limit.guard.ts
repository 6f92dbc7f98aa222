import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

const MINUTE_MS = 60_000;

/**
 * At most SIGN_IN_RATE_LIMIT_PER_MINUTE posts per client address to each of the sign-in
 * and password reset forms: guessing across many accounts is slowed here, guessing at
 * one account by its lockout.
 */
@Injectable()
export class SignInRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const limit = this.config.SIGN_IN_RATE_LIMIT_PER_MINUTE;
    const key = `auth:${context.getHandler().name}:${normalizeIp(request.ip ?? 'unknown')}`;
    const record = await this.storage.increment(key, MINUTE_MS, limit, MINUTE_MS, 'sign-in');
    if (record.totalHits <= limit) return true;
    const retryAfter = Math.max(1, Math.ceil(record.timeToBlockExpire || record.timeToExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new ThrottlerException('Too many attempts from this address; try again later.');
  }
}
