import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie with the browser's nonce that the inbox's form tokens are bound to. */
export const CSRF_COOKIE = 'sp_csrf';
/** As long as a session may sit idle: a page left open that long can still sign out. */
export const CSRF_TOKEN_MAX_AGE_MS = 12 * 3600_000;
const CLOCK_SKEW_MS = 60_000;

export const CSRF_FORMS = [
  'sign-in',
  'sign-out',
  'forgot-password',
  'reset-password',
  'case-action',
  'partnership',
] as const;
export type CsrfForm = (typeof CSRF_FORMS)[number];

const NONCE = /^[A-Za-z0-9_-]{43}$/;

function mac(secret: string, ...parts: string[]): string {
  // The purpose keeps these apart from the traveller form's tokens signed with the same secret.
  return createHmac('sha256', secret)
    .update(['inbox-csrf', ...parts].join('\n'))
    .digest('base64url');
}

export function newBrowserNonce(): string {
  return randomBytes(32).toString('base64url');
}

export function isBrowserNonce(value: unknown): value is string {
  return typeof value === 'string' && NONCE.test(value);
}

/**
 * A signed double-submit token: the time it was issued and a MAC over it, the form it is
 * for and the browser's cookie nonce. Another site can neither read the cookie nor the
 * page, so it cannot make a token that passes.
 */
export function issueCsrfToken(
  secret: string,
  browserNonce: string,
  form: CsrfForm,
  issuedAt: Date,
): string {
  const issued = issuedAt.getTime().toString(36);
  return `${issued}.${mac(secret, form, browserNonce, issued)}`;
}

export function verifyCsrfToken(
  secret: string,
  browserNonce: unknown,
  form: CsrfForm,
  token: unknown,
  now: Date,
): boolean {
  if (!isBrowserNonce(browserNonce) || typeof token !== 'string') return false;
  const [issued, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !/^[0-9a-z]{1,12}$/.test(issued ?? '') || !signature) return false;
  const expected = Buffer.from(mac(secret, form, browserNonce, issued));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const age = now.getTime() - parseInt(issued, 36);
  return age <= CSRF_TOKEN_MAX_AGE_MS && age >= -CLOCK_SKEW_MS;
}
