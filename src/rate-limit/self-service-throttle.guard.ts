import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectThrottlerStorage, normalizeIp, ThrottlerStorage } from '@nestjs/throttler';
import { FastifyReply, FastifyRequest } from 'fastify';
import { selfServiceConfig } from '../config/self-service.config';
import { hashedKey } from './hashed-key';
import { ApiTooManyRequests, tooManyRequests } from './too-many-requests';

const NAME = 'self-service-ip';

/**
 * Per client address, one count for all the public routes of the e-mail flows (forgot password, reset, verify,
 * sign-up): SELF_SERVICE_RATE_LIMIT_IP requests per SELF_SERVICE_RATE_LIMIT_WINDOW, then 429. In the throttler's
 * store (Redis when configured, with the same memory fallback as the login limits). Per address only, on purpose:
 * a per-account 429 on "forgot password" would let anyone stop the owner from asking for a link. What protects
 * the owner's inbox is the per-address-of-mail interval (IntervalGate), which answers 202 as always.
 */
@Injectable()
export class SelfServiceThrottleGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(selfServiceConfig.KEY) private readonly config: ConfigType<typeof selfServiceConfig>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { perIp, windowMs } = this.config.rateLimit;
    const http = context.switchToHttp();
    // request.ip honours TRUST_PROXY; IPv6 clients are counted per /64, as at sign-in.
    const key = hashedKey(`throttle:${NAME}`, normalizeIp(http.getRequest<FastifyRequest>().ip));
    const hit = await this.storage.increment(key, windowMs, perIp, windowMs, NAME);
    if (!hit.isBlocked) return true;
    throw tooManyRequests(http.getResponse<FastifyReply>(), 'Too many requests from this address', hit.timeToBlockExpire * 1000);
  }
}

/** Limits the route per client address (SelfServiceThrottleGuard), before the body is validated. */
export const SelfServiceThrottle = () =>
  applyDecorators(UseGuards(SelfServiceThrottleGuard), ApiTooManyRequests('Too many requests from this address'));
