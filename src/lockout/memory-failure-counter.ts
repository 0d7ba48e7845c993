import { LRUCache } from 'lru-cache';
import { FailureCounter, Window, WindowSpec } from './failure-counter';

/**
 * Per-instance counts (no Redis, or while Redis is unreachable). Scopes are user ids, and `unknown:<sha256>` for
 * identifiers that match no user: those anyone can make up without end, so the scopes are an LRU of at most `maxKeys`
 * (LOCKOUT_MEMORY_MAX_KEYS), least recently counted out first.
 *
 * Why dropping a scope is acceptable, from the account owner's side: an attacker could spray made-up names to push
 * out the counts of an account being guessed, and so reset them. With the default cap that takes over 100,000
 * distinct names between two guesses on that account (over 3,300 address-minutes at the default per-address limit
 * of 30 a minute). A lock of a real account is in the user row, which no eviction touches.
 * A window's end is kept in its entry rather than as an LRU TTL, so that it is read on the same clock (Date.now)
 * as before; ended windows are dropped when their scope is next counted, or pushed out with it.
 */
export class MemoryFailureCounter extends FailureCounter {
  private readonly scopes: LRUCache<string, Map<string, Window>>;

  constructor(maxKeys: number) {
    super();
    this.scopes = new LRUCache({ max: maxKeys });
  }

  async increment(scope: string, windows: readonly WindowSpec[]): Promise<number[]> {
    const now = Date.now();
    const fields = this.live(scope, now);
    const counts = windows.map(([field, lengthMs]) => {
      const window = fields.get(field) ?? { count: 0, endsAt: now + lengthMs };
      window.count += 1;
      fields.set(field, window);
      return window.count;
    });
    this.scopes.set(scope, fields);
    return counts;
  }

  async read(scope: string): Promise<Map<string, Window>> {
    return new Map([...this.live(scope, Date.now())].map(([field, w]) => [field, { ...w }]));
  }

  async reset(scope: string, fields?: readonly string[]): Promise<void> {
    if (!fields) {
      this.scopes.delete(scope);
      return;
    }
    const held = this.scopes.peek(scope);
    for (const field of fields) held?.delete(field);
  }

  /** How many scopes are held (for tests and diagnostics). */
  get size(): number {
    return this.scopes.size;
  }

  /** The scope's windows that have not ended (the ended ones are dropped from it). */
  private live(scope: string, now: number): Map<string, Window> {
    const fields = this.scopes.get(scope) ?? new Map<string, Window>();
    for (const [field, window] of fields) if (window.endsAt <= now) fields.delete(field);
    return fields;
  }
}
