import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { CLOCK } from '../../infra/clock/clock';
import type { Clock } from '../../infra/clock/clock';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { CsrfTokenError } from '../auth.errors';
import { SESSION_COOKIE } from '../credentials';
import {
  CSRF_COOKIE,
  CsrfForm,
  isBrowserNonce,
  issueCsrfToken,
  newBrowserNonce,
  verifyCsrfToken,
} from '../csrf-token';

/** Sends a page that carries a form token or a session: never to be kept by a cache. */
export function sendPage(response: Response, status: number, html: string): void {
  response.status(status).set('Cache-Control', 'no-store').type('html').send(html);
}

/** The inbox pages' cookies and CSRF tokens. */
@Injectable()
export class InboxForms {
  private readonly secure: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.secure = config.PUBLIC_BASE_URL.startsWith('https:');
  }

  /** A token for a form on the page being served; gives the browser its nonce cookie if it has none. */
  tokenFor(request: Request, response: Response, form: CsrfForm): string {
    let nonce: unknown = request.cookies?.[CSRF_COOKIE];
    if (!isBrowserNonce(nonce)) {
      nonce = newBrowserNonce();
      response.cookie(CSRF_COOKIE, nonce, this.cookieOptions('/inbox'));
    }
    return issueCsrfToken(this.config.FORM_SECRET, nonce as string, form, this.clock.now());
  }

  /** Refuses a post without a token this browser was given for this form: nothing may happen then. */
  check(request: Request, form: CsrfForm): void {
    const token = (request.body as Record<string, unknown> | undefined)?.csrf;
    const nonce: unknown = request.cookies?.[CSRF_COOKIE];
    if (!verifyCsrfToken(this.config.FORM_SECRET, nonce, form, token, this.clock.now()))
      throw new CsrfTokenError();
  }

  setSession(response: Response, token: string, expiresAt: Date): void {
    response.cookie(SESSION_COOKIE, token, { ...this.cookieOptions('/'), expires: expiresAt });
  }

  clearSession(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions('/'));
  }

  private cookieOptions(path: string): CookieOptions {
    // Lax: the cookie comes along when someone follows a link to the inbox, never with
    // another site's post. Secure whenever the service is reached over TLS.
    return { httpOnly: true, sameSite: 'lax', secure: this.secure, path };
  }
}
