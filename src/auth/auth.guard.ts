import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../infra/errors/app-error';
import { IS_PUBLIC } from './public.decorator';

export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated';
  readonly code = 'auth.required';
  constructor() {
    super('Sign in first.');
  }
}

/**
 * Secure by default: every route needs a signed-in user unless it is marked @Public().
 * Accounts and sessions arrive with the inbox; until then only public routes answer.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    throw new UnauthenticatedError();
  }
}
