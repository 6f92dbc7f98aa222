import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a form may stay open before it must be fetched again. */
export const FORM_TOKEN_MAX_AGE_MS = 4 * 60 * 60 * 1000;
// A token from a moment ahead of us is forged, or a clock is wrong; allow a little drift.
const CLOCK_SKEW_MS = 60 * 1000;

const NONCE = /^[A-Za-z0-9_-]{43}$/;
const FORM_ID = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: string, purpose: string, ...parts: string[]): string {
  return createHmac('sha256', secret)
    .update([purpose, ...parts].join('\n'))
    .digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The random value the form's cookie holds for this browser. */
export function newBrowserNonce(): string {
  return randomBytes(32).toString('base64url');
}

export function isBrowserNonce(value: unknown): value is string {
  return typeof value === 'string' && NONCE.test(value);
}

/**
 * The hidden field of one rendered form: a form id, when it was issued, and a MAC over
 * both and the browser's cookie nonce. Only a page we served to this browser has it, so
 * a post from another site (which cannot read the cookie or the page) is refused; and
 * the form id names this one submission, so posting it twice gives the same case.
 */
export function issueFormToken(
  secret: string,
  browserNonce: string,
  issuedAt: Date,
  formId: string = randomBytes(16).toString('base64url'),
): string {
  const issued = issuedAt.getTime().toString(36);
  return [formId, issued, mac(secret, 'form', browserNonce, formId, issued)].join('.');
}

/** The form a token names, when this browser was given it and it has not expired; null otherwise. */
export function verifyFormToken(
  secret: string,
  browserNonce: unknown,
  token: unknown,
  now: Date,
): { formId: string; browserNonce: string } | null {
  if (!isBrowserNonce(browserNonce) || typeof token !== 'string') return null;
  const [formId, issued, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !FORM_ID.test(formId ?? '') || !/^[0-9a-z]{1,12}$/.test(issued ?? ''))
    return null;
  if (!sameText(signature ?? '', mac(secret, 'form', browserNonce, formId, issued))) return null;
  const age = now.getTime() - parseInt(issued, 36);
  if (age > FORM_TOKEN_MAX_AGE_MS || age < -CLOCK_SKEW_MS) return null;
  return { formId, browserNonce };
}

/** Proof, in the receipt's address, that this browser made the case: references cannot be walked. */
export function receiptToken(secret: string, reference: string): string {
  return mac(secret, 'receipt', reference);
}

export function isReceiptToken(secret: string, reference: string, token: unknown): boolean {
  return typeof token === 'string' && sameText(token, receiptToken(secret, reference));
}
