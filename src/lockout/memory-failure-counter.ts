import { FailureCounter } from './failure-counter';

/** Above this many live entries, expired ones are swept on the next increment. */
const SWEEP_ABOVE = 10_000;

/**
 * Per-instance counters. Keys are user ids (only existing accounts are counted), so the map is bounded by the
 * number of users under attack; expired windows are swept lazily.
 */
export class MemoryFailureCounter extends FailureCounter {
  private readonly windows = new Map<string, { count: number; expiresAt: number }>();

  async increment(key: string, windowMs: number): Promise<number> {
    const now = Date.now();
    if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
    const current = this.windows.get(key);
    const window = current && current.expiresAt > now ? current : { count: 0, expiresAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
    return window.count;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.expiresAt <= now) this.windows.delete(key);
  }
}
