import { Logger } from '@nestjs/common';
import { throttledWarning } from '../redis/throttled-warning';
import { FailureCounter } from './failure-counter';

/**
 * Redis first, this instance's memory while Redis is unreachable. Same reasoning as the rate limiter
 * (FallbackThrottlerStorage): no 500 or 503 for a counter store outage, and failures still count, per instance;
 * the lock itself is written to the database, so every instance honours it whatever Redis does.
 */
export class FallbackFailureCounter extends FailureCounter {

  private readonly warn: (message: string) => void;

  constructor(
    private readonly primary: FailureCounter,
    private readonly fallback: FailureCounter,
    logger = new Logger('Lockout'),
  ) {
    super();
    this.warn = throttledWarning(logger);
  }

  increment(key: string, windowMs: number): Promise<number> {
    return this.primary.increment(key, windowMs).catch((e: Error) => this.degraded(e, () => this.fallback.increment(key, windowMs)));
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    await this.primary.reset(key).catch((e: Error) => this.degraded(e, async () => undefined));
  }

  private degraded<T>(e: Error, next: () => Promise<T>): Promise<T> {
    this.warn(`Failed-login counter store unavailable (${e.message}); counting in memory on this instance`);
    return next();
  }
}
