import {
  CSRF_TOKEN_MAX_AGE_MS,
  issueCsrfToken,
  newBrowserNonce,
  verifyCsrfToken,
} from './csrf-token';

const SECRET = 'a-test-secret-of-some-length';
const NOW = new Date('2026-03-02T09:00:00Z');

describe('inbox CSRF tokens', () => {
  const nonce = newBrowserNonce();
  const token = issueCsrfToken(SECRET, nonce, 'sign-in', NOW);

  it('accepts the token this browser was given for this form', () => {
    expect(verifyCsrfToken(SECRET, nonce, 'sign-in', token, NOW)).toBe(true);
  });

  it('refuses it for another browser, another form or another secret', () => {
    expect(verifyCsrfToken(SECRET, newBrowserNonce(), 'sign-in', token, NOW)).toBe(false);
    expect(verifyCsrfToken(SECRET, nonce, 'sign-out', token, NOW)).toBe(false);
    expect(verifyCsrfToken(`${SECRET}x`, nonce, 'sign-in', token, NOW)).toBe(false);
  });

  it('refuses missing, forged and malformed tokens and cookies', () => {
    const [issued] = token.split('.');
    for (const forged of [undefined, '', 'x', `${issued}.AAAA`, `${token}.x`, ['a'], 7])
      expect(verifyCsrfToken(SECRET, nonce, 'sign-in', forged, NOW)).toBe(false);
    expect(verifyCsrfToken(SECRET, undefined, 'sign-in', token, NOW)).toBe(false);
    expect(verifyCsrfToken(SECRET, 'short', 'sign-in', token, NOW)).toBe(false);
  });

  it('expires after 12 hours and refuses tokens from the future', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    expect(verifyCsrfToken(SECRET, nonce, 'sign-in', token, at(CSRF_TOKEN_MAX_AGE_MS))).toBe(true);
    expect(verifyCsrfToken(SECRET, nonce, 'sign-in', token, at(CSRF_TOKEN_MAX_AGE_MS + 1))).toBe(
      false,
    );
    expect(verifyCsrfToken(SECRET, nonce, 'sign-in', token, at(-10 * 60_000))).toBe(false);
  });
});
