import { createHash, randomBytes } from 'node:crypto';

/** The browser's session cookie: its value is the session token. */
export const SESSION_COOKIE = 'sp_session';
export const API_TOKEN_PREFIX = 'spt_';

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: a session token, an API token's body or a reset link's token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of a secret: its SHA-256 in hex. The secrets are random
 * and long, so a plain hash suffices (no salt, no argon2) and the lookup stays one index probe.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function isSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET.test(value);
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}

export function isApiToken(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.startsWith(API_TOKEN_PREFIX) &&
    isSecret(value.slice(API_TOKEN_PREFIX.length))
  );
}

/** The API token of an `Authorization: Bearer spt_…` header; null for anything else. */
export function bearerApiToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match && isApiToken(match[1]) ? match[1] : null;
}
