import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { FastifyReply } from 'fastify';
import { LOGIN_THROTTLE } from './login-throttle.decorator';
import { tooManyRequests } from './too-many-requests';

/**
 * Registered globally, acts only on routes marked @LoginThrottle(). Answers 429 in our error body with a plain
 * `Retry-After` (the library would name it `Retry-After-<throttler>` for named throttlers, which clients ignore).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  /** Every other route passes at once, without the library's asynchronous checks (this guard sees every request). */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (!this.reflector.getAllAndOverride<boolean>(LOGIN_THROTTLE, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // timeToBlockExpire is in seconds.
    throw tooManyRequests(context.switchToHttp().getResponse<FastifyReply>(), 'Too many sign-in attempts', detail.timeToBlockExpire * 1000);
  }
}
