import {
  bearerApiToken,
  hashSecret,
  isApiToken,
  isSecret,
  newApiToken,
  newSecret,
} from './credentials';

describe('credentials', () => {
  it('makes 32-byte base64url secrets, different every time', () => {
    const first = newSecret();
    expect(isSecret(first)).toBe(true);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(newSecret()).not.toBe(first);
  });

  it('stores a secret as its SHA-256 in hex, never the secret itself', () => {
    const secret = newSecret();
    const hash = hashSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    expect(hashSecret(secret)).toBe(hash);
  });

  it('prefixes API tokens with spt_ and recognises only well-formed ones', () => {
    const token = newApiToken();
    expect(token.startsWith('spt_')).toBe(true);
    expect(isApiToken(token)).toBe(true);
    expect(isApiToken(token.slice(0, -1))).toBe(false);
    expect(isApiToken(newSecret())).toBe(false);
    expect(isApiToken(`spt_${'!'.repeat(43)}`)).toBe(false);
  });

  it('reads an API token from a Bearer header and nothing else', () => {
    const token = newApiToken();
    expect(bearerApiToken(`Bearer ${token}`)).toBe(token);
    expect(bearerApiToken(`bearer   ${token}`)).toBe(token);
    expect(bearerApiToken(`Basic ${token}`)).toBeNull();
    expect(bearerApiToken('Bearer spt_short')).toBeNull();
    expect(bearerApiToken(undefined)).toBeNull();
  });
});
