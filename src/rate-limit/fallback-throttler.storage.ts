import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { throttledWarning } from '../redis/throttled-warning';

/**
 * Redis first; while Redis is unreachable, this instance's memory. Why fail-soft rather than fail-closed (503) or
 * fully open: a Redis outage must not take sign-in down with it (Redis holds only counters, no account data),
 * yet every attempt is still limited, per instance, so the worst case is the limit times the number of instances
 * for the length of the outage. The lockout itself lives in the database and is not weakened.
 */
export class FallbackThrottlerStorage implements ThrottlerStorage {

  private readonly warn: (message: string) => void;

  constructor(
    private readonly primary: ThrottlerStorage,
    private readonly fallback: ThrottlerStorage,
    logger = new Logger('RateLimit'),
  ) {
    this.warn = throttledWarning(logger);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.primary.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (e) {
      this.warn(`Rate-limit store unavailable (${(e as Error).message}); counting in memory on this instance`);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
