import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { ForbiddenError } from '../infra/errors/app-error';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

/**
 * Only Twilio may call the SMS webhooks: X-Twilio-Signature must be the HMAC of
 * PUBLIC_BASE_URL + path and the form parameters under the account's auth token.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header('x-twilio-signature');
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!token) throw new ForbiddenError('sms.disabled', 'SMS is not configured on this service.');
    if (!signature)
      throw new ForbiddenError('sms.unsigned', 'The request is not signed by Twilio.');
    const url = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}${request.originalUrl}`;
    const params = (request.body ?? {}) as Record<string, string>;
    if (!validateRequest(token, signature, url, params)) {
      throw new ForbiddenError('sms.bad-signature', 'The Twilio signature does not match.');
    }
    return true;
  }
}
