import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import {
  InboundEmailDisabledError,
  InboundEmailUnauthenticatedError,
} from './email-inbound.errors';

/** Digests of equal length, so that the comparison takes the same time whatever was sent. */
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * The provider's webhook proves itself with the shared secret `INBOUND_EMAIL_SECRET` as a
 * bearer token; without a configured secret the endpoint does not exist.
 */
@Injectable()
export class InboundEmailSecretGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.INBOUND_EMAIL_SECRET ? digest(config.INBOUND_EMAIL_SECRET) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new InboundEmailDisabledError();
    const request = context.switchToHttp().getRequest<Request>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.get('authorization') ?? '');
    if (match && timingSafeEqual(digest(match[1]), this.expected)) return true;
    context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
    throw new InboundEmailUnauthenticatedError();
  }
}
