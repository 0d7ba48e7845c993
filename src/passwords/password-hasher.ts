import { bcryptCost } from './bcrypt-cost';

/**
 * One interface for password hashing, so the implementation (native bcrypt, or bcryptjs in worker threads) is
 * chosen in one place (passwords.module.ts). Every implementation reads every `$2a$/$2b$/$2y$` hash.
 */
export abstract class PasswordHasher {
  abstract readonly name: string;
  /** The bcrypt cost new hashes are made with. */
  abstract readonly cost: number;
  abstract hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed stored hash (never throws for either). */
  abstract verify(password: string, hash: string): Promise<boolean>;

  /** True when the stored hash was made at another cost than the configured one (rehash at next login). */
  needsRehash(hash: string): boolean {
    return bcryptCost(hash) !== this.cost;
  }

  /** Releases threads; called when the application closes. */
  async close(): Promise<void> {}
}
