import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { ApiTokensService } from './api-tokens.service';
import { ROLES_KEY } from './auth.decorators';
import type { AuthenticatedRequest } from './auth.decorators';
import { CrossSiteRequestError, RoleForbiddenError, UnauthenticatedError } from './auth.errors';
import { bearerApiToken, SESSION_COOKIE } from './credentials';
import type { Principal, Role } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { isCrossSiteRequest } from './request-origin';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Secure by default: every route needs a signed-in user unless it is marked @Public().
 * A request proves who it is by an `Authorization: Bearer spt_…` API token or the
 * `sp_session` cookie, each checked by one indexed query (argon2 is for sign-in only).
 * The principal is attached to the request for @CurrentUser(); @Roles() narrows a route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiTokens: ApiTokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    if (!principal) throw new UnauthenticatedError();
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const crossSite = isCrossSiteRequest(
        {
          secFetchSite: request.get('sec-fetch-site'),
          origin: request.get('origin'),
          host: request.get('host'),
        },
        this.config.PUBLIC_BASE_URL,
      );
      if (crossSite) throw new CrossSiteRequestError();
    }
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) throw new RoleForbiddenError();
    return true;
  }

  private authenticate(request: AuthenticatedRequest): Promise<Principal | null> {
    const authorization = request.get('authorization');
    // A request that names its credentials is judged by them alone, never by a cookie as well.
    if (authorization !== undefined) {
      const token = bearerApiToken(authorization);
      return token ? this.apiTokens.authenticate(token) : Promise.resolve(null);
    }
    return this.sessions.authenticate(request.cookies?.[SESSION_COOKIE]);
  }
}
