import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { UnauthenticatedError } from './auth.errors';
import type { Principal, Role } from './principal';

/** A request the guard has authenticated. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const ROLES_KEY = 'synpunkt:roles';

/** Only these roles may use the route (or the controller's routes); others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in principal of a guarded route. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    // Only on a @Public() route can this be missing: a programming error, refused as 401.
    if (!principal) throw new UnauthenticatedError();
    return principal;
  },
);
