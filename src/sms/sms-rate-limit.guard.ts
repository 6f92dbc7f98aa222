import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { smsKeyword } from './sms-keywords';

const HOUR_MS = 3600_000;

/** At most SMS_RATE_LIMIT_PER_HOUR messages per sender number: one phone cannot flood the inbox. */
@Injectable()
export class SmsRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const { From: from, Body: body } = (request.body ?? {}) as { From?: string; Body?: string };
    // STOP and its kin always get through: a limited number must still be able to opt out.
    if (!from || (body && smsKeyword(body))) return true;
    const limit = this.config.SMS_RATE_LIMIT_PER_HOUR;
    const record = await this.storage.increment(`sms-from:${from}`, HOUR_MS, limit, HOUR_MS, 'sms');
    if (record.totalHits <= limit) return true;
    const retryAfter = Math.max(1, Math.ceil(record.timeToBlockExpire || record.timeToExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new ThrottlerException('Too many messages from this number; try again later.');
  }
}
