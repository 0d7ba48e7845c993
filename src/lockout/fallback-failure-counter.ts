import { Logger } from '@nestjs/common';
import { throttledWarning } from '../redis/throttled-warning';
import { FailureCounter, Window, WindowSpec } from './failure-counter';

/**
 * Redis first, this instance's memory while Redis is unreachable. Same reasoning as the rate limiter
 * (FallbackThrottlerStorage): no 500 or 503 for a counter store outage, and failures still count, per instance;
 * the lock of a real account is written to the database, so every instance honours it whatever Redis does.
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

  increment(scope: string, windows: readonly WindowSpec[]): Promise<number[]> {
    return this.primary.increment(scope, windows).catch((e: Error) => this.degraded(e, () => this.fallback.increment(scope, windows)));
  }

  read(scope: string): Promise<Map<string, Window>> {
    return this.primary.read(scope).catch((e: Error) => this.degraded(e, () => this.fallback.read(scope)));
  }

  async reset(scope: string, fields?: readonly string[]): Promise<void> {
    await this.fallback.reset(scope, fields);
    await this.primary.reset(scope, fields).catch((e: Error) => this.degraded(e, async () => undefined));
  }

  private degraded<T>(e: Error, next: () => Promise<T>): Promise<T> {
    this.warn(`Failed-login counter store unavailable (${e.message}); counting in memory on this instance`);
    return next();
  }
}
