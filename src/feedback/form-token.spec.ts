import {
  FORM_TOKEN_MAX_AGE_MS,
  isReceiptToken,
  issueFormToken,
  newBrowserNonce,
  receiptToken,
  verifyFormToken,
} from './form-token';

const secret = 'a-test-secret-of-some-length';
const issuedAt = new Date('2026-11-20T10:00:00Z');
const later = (ms: number) => new Date(issuedAt.getTime() + ms);

describe(verifyFormToken.name, () => {
  const nonce = newBrowserNonce();
  const token = issueFormToken(secret, nonce, issuedAt);

  it('accepts the token it issued to the same browser, naming its form', () => {
    expect(verifyFormToken(secret, nonce, token, later(60_000))).toEqual({
      formId: token.split('.')[0],
      browserNonce: nonce,
    });
  });

  it('gives each form its own id', () => {
    expect(issueFormToken(secret, nonce, issuedAt).split('.')[0]).not.toBe(token.split('.')[0]);
  });

  it('refuses another browser, another secret, a changed token and an expired one', () => {
    expect(verifyFormToken(secret, newBrowserNonce(), token, issuedAt)).toBeNull();
    expect(verifyFormToken('another-secret-of-length', nonce, token, issuedAt)).toBeNull();
    expect(verifyFormToken(secret, nonce, `${token}x`, issuedAt)).toBeNull();
    const otherForm = (token.startsWith('A') ? 'B' : 'A') + token.slice(1);
    expect(verifyFormToken(secret, nonce, otherForm, issuedAt)).toBeNull();
    expect(verifyFormToken(secret, nonce, token, later(FORM_TOKEN_MAX_AGE_MS + 1))).toBeNull();
    expect(verifyFormToken(secret, nonce, token, later(-10 * 60_000))).toBeNull();
    expect(verifyFormToken(secret, undefined, token, issuedAt)).toBeNull();
    expect(verifyFormToken(secret, nonce, undefined, issuedAt)).toBeNull();
    expect(verifyFormToken(secret, nonce, '', issuedAt)).toBeNull();
  });
});

describe(receiptToken.name, () => {
  it('proves a reference and no other', () => {
    const token = receiptToken(secret, 'SP-2026-000001');
    expect(isReceiptToken(secret, 'SP-2026-000001', token)).toBe(true);
    expect(isReceiptToken(secret, 'SP-2026-000002', token)).toBe(false);
    expect(isReceiptToken(secret, 'SP-2026-000001', undefined)).toBe(false);
  });
});
