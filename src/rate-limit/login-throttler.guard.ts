import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { FastifyReply } from 'fastify';
import { ApiError } from '../common/errors/api-error';
import { LOGIN_THROTTLE } from './login-throttle.decorator';

/**
 * Registered globally, acts only on routes marked @LoginThrottle(). Answers 429 in our error body with a plain
 * `Retry-After` (the library would name it `Retry-After-<throttler>` for named throttlers, which clients ignore).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return !this.reflector.getAllAndOverride<boolean>(LOGIN_THROTTLE, [context.getHandler(), context.getClass()]);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(retryAfter));
    throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', `Too many sign-in attempts; retry in ${retryAfter} s`);
  }
}
