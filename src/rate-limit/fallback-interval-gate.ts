import { Logger } from '@nestjs/common';
import { throttledWarning } from '../redis/throttled-warning';
import { IntervalGate } from './interval-gate';

/**
 * Redis first, this instance's memory while Redis is unreachable: the same fail-soft choice as the other limits
 * (FallbackThrottlerStorage). A mail is still limited per instance rather than sent without limit or not at all.
 */
export class FallbackIntervalGate extends IntervalGate {
  private readonly warn: (message: string) => void;

  constructor(
    private readonly primary: IntervalGate,
    private readonly fallback: IntervalGate,
    logger = new Logger('RateLimit'),
  ) {
    super();
    this.warn = throttledWarning(logger);
  }

  claim(bucket: string, subject: string, intervalMs: number): Promise<number> {
    return this.primary.claim(bucket, subject, intervalMs).catch((e: Error) => {
      this.warn(`Mail interval store unavailable (${e.message}); counting in memory on this instance`);
      return this.fallback.claim(bucket, subject, intervalMs);
    });
  }
}
