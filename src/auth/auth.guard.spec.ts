import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiTokensService } from './api-tokens.service';
import { Roles } from './auth.decorators';
import type { AuthenticatedRequest } from './auth.decorators';
import { CrossSiteRequestError, RoleForbiddenError, UnauthenticatedError } from './auth.errors';
import { AuthGuard } from './auth.guard';
import { newApiToken, newSecret } from './credentials';
import type { Principal } from './principal';
import { Public } from './public.decorator';
import type { SessionsService } from './sessions.service';
import type { AppConfig } from '../infra/config/app-config';

class Routes {
  @Public()
  open(): void {}

  guarded(): void {}

  @Roles('supervisor', 'admin')
  supervisorsOnly(): void {}
}

const HANDLER: Principal = {
  userId: 'u1',
  organisationId: 'o1',
  organisationKind: 'operator',
  role: 'handler',
  via: 'session',
};

function contextFor(handler: keyof Routes, request: Partial<AuthenticatedRequest>) {
  const headers = (request.headers ?? {}) as Record<string, string>;
  const full = {
    method: 'GET',
    cookies: {},
    ...request,
    get: (name: string) => headers[name.toLowerCase()],
  } as unknown as AuthenticatedRequest;
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => full }),
  } as unknown as ExecutionContext;
  return { context, request: full };
}

describe(AuthGuard.name, () => {
  const session = newSecret();
  const token = newApiToken();
  const sessions = {
    authenticate: jest.fn((value: unknown) => Promise.resolve(value === session ? HANDLER : null)),
  };
  const apiTokens = {
    authenticate: jest.fn((value: string) =>
      Promise.resolve(value === token ? { ...HANDLER, via: 'api-token' as const } : null),
    ),
  };
  const guard = new AuthGuard(
    new Reflector(),
    sessions as unknown as SessionsService,
    apiTokens as unknown as ApiTokensService,
    { PUBLIC_BASE_URL: 'https://synpunkt.example' } as AppConfig,
  );

  it('lets anyone through to a @Public() route without looking for credentials', async () => {
    const { context } = contextFor('open', {});
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(sessions.authenticate).not.toHaveBeenCalled();
  });

  it('refuses a guarded route without a session or token', async () => {
    await expect(guard.canActivate(contextFor('guarded', {}).context)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const wrongScheme = contextFor('guarded', { headers: { authorization: `Basic ${token}` } });
    await expect(guard.canActivate(wrongScheme.context)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it('attaches the principal of a session cookie or a bearer token', async () => {
    const bySession = contextFor('guarded', { cookies: { sp_session: session } });
    await expect(guard.canActivate(bySession.context)).resolves.toBe(true);
    expect(bySession.request.principal).toEqual(HANDLER);
    const byToken = contextFor('guarded', { headers: { authorization: `Bearer ${token}` } });
    await expect(guard.canActivate(byToken.context)).resolves.toBe(true);
    expect(byToken.request.principal?.via).toBe('api-token');
  });

  it('judges a request with an Authorization header by it alone, not by its cookie', async () => {
    const both = contextFor('guarded', {
      cookies: { sp_session: session },
      headers: { authorization: 'Bearer spt_revoked' },
    });
    await expect(guard.canActivate(both.context)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a role that @Roles() does not name with 403', async () => {
    const { context } = contextFor('supervisorsOnly', { cookies: { sp_session: session } });
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(RoleForbiddenError);
  });

  it("refuses a signed-in browser's write from another site", async () => {
    const { context } = contextFor('guarded', {
      method: 'POST',
      cookies: { sp_session: session },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(CrossSiteRequestError);
  });
});
