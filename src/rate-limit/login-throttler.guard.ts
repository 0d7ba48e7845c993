import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { Metrics } from '../metrics/metrics';
import { LOGIN_THROTTLE } from './login-throttle.decorator';
import { tooManyRequests } from './too-many-requests';

/**
 * Registered globally, acts only on routes marked @LoginThrottle(). Answers 429 in our error body with a plain
 * `Retry-After` (the library would name it `Retry-After-<throttler>` for named throttlers, which clients ignore).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  // A property, so the library's constructor (its options, storage and reflector) stays as it is.
  @Inject(Metrics) private readonly metrics!: Metrics;

  /** Every other route passes at once, without the library's asynchronous checks (this guard sees every request). */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (!this.reflector.getAllAndOverride<boolean>(LOGIN_THROTTLE, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The one throttler here is the per-address one (the per-account limit is the lockout's).
    this.metrics.rateLimit('login-ip');
    // timeToBlockExpire is in seconds.
    throw tooManyRequests('Too many sign-in attempts', detail.timeToBlockExpire * 1000);
  }
}
