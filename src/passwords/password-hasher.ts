import { performance } from 'node:perf_hooks';
import { bcryptCost } from './bcrypt-cost';

export type HashOperation = 'hash' | 'verify';

/** Told how long each hash or verification took on its thread (the metrics listen; see passwords.module.ts). */
export type HashTimer = (operation: HashOperation, seconds: number) => void;

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

  /** Hashes and verifications waiting for a free hashing thread right now. */
  abstract readonly waiting: number;

  /** Set once at start; null: nobody measures. */
  onTimed: HashTimer | null = null;

  /** Reports a job that began on its thread at `startedAt` (performance.now()) and just ended. */
  protected timed(operation: HashOperation, startedAt: number): void {
    this.onTimed?.(operation, (performance.now() - startedAt) / 1000);
  }

  /** True when the stored hash was made at another cost than the configured one (rehash at next login). */
  needsRehash(hash: string): boolean {
    return bcryptCost(hash) !== this.cost;
  }

  /** Releases threads; called when the application closes. */
  async close(): Promise<void> {}
}
