import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { normalizeIp, ThrottlerModule, ThrottlerModuleOptions, ThrottlerStorageService } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { abuseConfig } from '../config/abuse.config';
import { REDIS_CLIENT } from '../redis/redis.constants';
import { FallbackThrottlerStorage } from './fallback-throttler.storage';
import { LoginThrottlerGuard } from './login-throttler.guard';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function options(abuse: ConfigType<typeof abuseConfig>, redis: Redis | null): ThrottlerModuleOptions {
  const { perIp, windowMs } = abuse.rateLimit;
  return {
    throttlers: [
      // request.ip is the TCP peer, or the X-Forwarded-For client when the peer is a TRUST_PROXY proxy.
      // IPv6 clients are counted per /64, since one host usually holds a whole /64.
      { name: 'login-ip', limit: perIp, ttl: windowMs, getTracker: (req) => normalizeIp((req as unknown as FastifyRequest).ip) },
      // No per-account throttler here: counting every request that names an account (successes and invalid ones
      // included, before anyone is authenticated) let anyone keep the owner out. The per-account limit
      // (LOGIN_RATE_LIMIT_ACCOUNT) is counted by the lockout instead, after the credential check, per account for
      // clients without a device credential and per device (LockoutService).
    ],
    // One counter per address across every login route (not per route, the library's default), hashed.
    generateKey: (_ctx, tracker, name) => `throttle:${name}:${sha256(tracker)}`,
    setHeaders: false,
    storage: redis ? new FallbackThrottlerStorage(new ThrottlerStorageRedisService(redis), new ThrottlerStorageService()) : undefined,
  };
}

/** The per-address login rate limit: the @LoginThrottle() decorator and its global guard. */
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [abuseConfig.KEY, REDIS_CLIENT], useFactory: options })],
  providers: [{ provide: APP_GUARD, useClass: LoginThrottlerGuard }],
})
export class RateLimitModule {}
