import { createHash } from 'node:crypto';

/**
 * A UUID that a key always gives: a retried job or webhook derives the same row id from
 * the same cause, so the row is written once however often the work runs.
 */
export function uuidFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
