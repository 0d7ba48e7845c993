export type Pbkdf2Digest = 'sha1' | 'sha256' | 'sha512';

/** A password hash Gatehouse can verify, with the parameters its cost depends on. */
export type StoredHash =
  | { format: 'bcrypt'; cost: number }
  /** Verified from its encoded form, which is kept as it was checked. */
  | { format: 'argon2'; encoded: string; memoryKib: number; iterations: number; parallelism: number }
  | { format: 'scrypt'; log2N: number; blockSize: number; parallelism: number; salt: Buffer; key: Buffer }
  | { format: 'pbkdf2'; digest: Pbkdf2Digest; iterations: number; salt: Buffer; key: Buffer };

/** A hash that parsed and is within the bounds, or the reason it is refused (never containing the hash). */
export type ParsedHash = { ok: true; hash: StoredHash } | { ok: false; reason: string };

export const refuse = (reason: string): ParsedHash => ({ ok: false, reason });
export const accept = (hash: StoredHash): ParsedHash => ({ ok: true, hash });
