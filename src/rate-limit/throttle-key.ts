import { createHash } from 'node:crypto';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The storage key of one counter: one per limit and address or account across every login route (not per route,
 * the library's default), hashed so no e-mail address is written to Redis.
 */
export function throttleKey(limit: string, tracker: string): string {
  return `throttle:${limit}:${sha256(tracker)}`;
}

/** The limit (login-ip, login-account) a key of throttleKey() counts for. */
export function limitOfKey(key: string): string {
  return key.split(':')[1] ?? 'unknown';
}
