import { LRUCache } from 'lru-cache';
import { FailureCounter } from './failure-counter';

interface Window {
  count: number;
  expiresAt: number;
}

/**
 * Per-instance counters (no Redis, or while Redis is unreachable). Keys are user ids, and `unknown:<sha256>` for
 * identifiers that match no user (LockoutService.recordUnknownFailure): those anyone can make up without end, so
 * the counters are an LRU of at most `maxKeys` windows (LOCKOUT_MEMORY_MAX_KEYS), least recently counted out first.
 *
 * Why dropping a counter is acceptable, from the account owner's side: an attacker could spray made-up names to
 * push out the count of an account being guessed, and so reset it. With the default cap that takes over 100,000
 * distinct names between two guesses on that account (over 3,300 address-minutes at the default per-address limit
 * of 30 a minute), and even then the per-account rate limit (LOGIN_RATE_LIMIT_ACCOUNT) holds the guesser to a few
 * attempts a minute whatever this counter says. A lock once reached is in the user row, which no eviction touches.
 * A window's end is kept in its entry rather than as an LRU TTL, so that it is read on the same clock (Date.now)
 * as before; an expired entry is replaced when its key comes back, or pushed out by newer ones.
 */
export class MemoryFailureCounter extends FailureCounter {
  private readonly windows: LRUCache<string, Window>;

  constructor(maxKeys: number) {
    super();
    this.windows = new LRUCache({ max: maxKeys });
  }

  async increment(key: string, windowMs: number): Promise<number> {
    const now = Date.now();
    const current = this.windows.get(key);
    const window = current && current.expiresAt > now ? current : { count: 0, expiresAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
    return window.count;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  /** How many windows are held (for tests and diagnostics). */
  get size(): number {
    return this.windows.size;
  }
}
