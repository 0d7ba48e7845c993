import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer secret handed to one party (a refresh token, a link's token): 32 random bytes = 256 bits from the OS
 * CSPRNG, base64url (43 characters, safe in a URL as it is).
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored instead of the token. SHA-256, unsalted, is the right hash here: the token is 256 uniformly random
 * bits, so no dictionary or brute force can find a preimage however fast the hash is (the work factor of
 * bcrypt/argon2 only helps low-entropy secrets such as passwords). Being deterministic, the hash is also the lookup
 * key (a unique index), where a salted slow hash would need a scan. A database leak therefore yields no usable token.
 */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
