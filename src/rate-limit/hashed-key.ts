import { createHash } from 'node:crypto';

/** A counter's key: the subject (an address, an e-mail) hashed, so no e-mail address is written to Redis. */
export function hashedKey(prefix: string, subject: string): string {
  return `${prefix}:${createHash('sha256').update(subject).digest('hex')}`;
}
