import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a POST may create a service request: any key passes while the deployment
 * configures none. Keys are compared as digests of equal length in constant time, and
 * every configured key is tried, so timing tells neither a key's length nor which matched.
 */
export function isAcceptedApiKey(given: string | undefined, keys: string[]): boolean {
  if (keys.length === 0) return true;
  if (given === undefined) return false;
  const digest = sha256(given);
  let accepted = false;
  for (const key of keys) accepted = timingSafeEqual(digest, sha256(key)) || accepted;
  return accepted;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
