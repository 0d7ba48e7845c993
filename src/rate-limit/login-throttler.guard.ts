import { ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { FastifyReply } from 'fastify';
import { ApiError } from '../common/errors/api-error';
import { Metrics } from '../metrics/metrics';
import { LOGIN_THROTTLE } from './login-throttle.decorator';
import { limitOfKey } from './throttle-key';

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

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.metrics.rateLimit(limitOfKey(detail.key));
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(retryAfter));
    throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', `Too many sign-in attempts; retry in ${retryAfter} s`);
  }
}
