import { LRUCache } from 'lru-cache';
import { IntervalGate, intervalKey } from './interval-gate';

/**
 * Per-instance intervals (no Redis, or while it is unreachable): the end of each claimed interval, in an LRU of at
 * most `maxKeys` subjects. Dropping the least recently claimed can only let one mail out early, to its own
 * addressee; filling the cache takes that many distinct addresses through the per-address rate limit first.
 */
export class MemoryIntervalGate extends IntervalGate {
  private readonly ends: LRUCache<string, number>;

  constructor(maxKeys = 100_000) {
    super();
    this.ends = new LRUCache({ max: maxKeys });
  }

  async claim(bucket: string, subject: string, intervalMs: number): Promise<number> {
    const key = intervalKey(bucket, subject);
    const now = Date.now();
    const end = this.ends.get(key);
    if (end !== undefined && end > now) return end - now;
    this.ends.set(key, now + intervalMs);
    return 0;
  }
}
