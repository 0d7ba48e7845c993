import { createHash } from 'node:crypto';
import { customAlphabet } from 'nanoid';
import { RECOVERY_CODE_LENGTH } from '../second-factor-code';

/** How many codes a set has. */
export const RECOVERY_CODES_PER_SET = 10;

/** nanoid draws from the OS CSPRNG with rejection sampling: 12 base32 characters are 60 uniformly random bits. */
const draw = customAlphabet('abcdefghijklmnopqrstuvwxyz234567', RECOVERY_CODE_LENGTH);

/** A new code as shown to the user: xxxx-xxxx-xxxx. */
export function newRecoveryCode(): string {
  return draw().match(/.{4}/g)!.join('-');
}

/**
 * SHA-256 of the normalised code, salted with the user id. A fast hash is enough for 60 random bits (no dictionary
 * applies; an offline search of 2^60 per user per code is out of reach) and, being deterministic, it is the lookup
 * key of the single-use UPDATE. The salt makes one user's hashes useless against another's.
 */
export function hashRecoveryCode(userId: string, normalisedCode: string): string {
  return createHash('sha256').update(`gatehouse/recovery-code/${userId}/${normalisedCode}`, 'utf8').digest('hex');
}
