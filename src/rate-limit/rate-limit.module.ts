import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { normalizeIp, ThrottlerModule, ThrottlerModuleOptions, ThrottlerStorageService } from '@nestjs/throttler';
import { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { abuseConfig } from '../config/abuse.config';
import { REDIS_CLIENT } from '../redis/redis.constants';
import { FallbackThrottlerStorage } from './fallback-throttler.storage';
import { loginAccountKey } from './login-account-key';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { throttleKey } from './throttle-key';

function options(abuse: ConfigType<typeof abuseConfig>, redis: Redis | null): ThrottlerModuleOptions {
  const { perIp, perAccount, windowMs } = abuse.rateLimit;
  const body = (req: Record<string, unknown>) => (req as unknown as FastifyRequest).body;
  return {
    throttlers: [
      // request.ip is the TCP peer, or the X-Forwarded-For client when the peer is a TRUST_PROXY proxy.
      // IPv6 clients are counted per /64, since one host usually holds a whole /64.
      { name: 'login-ip', limit: perIp, ttl: windowMs, getTracker: (req) => normalizeIp((req as unknown as FastifyRequest).ip) },
      {
        name: 'login-account',
        limit: perAccount,
        ttl: windowMs,
        getTracker: (req) => loginAccountKey(body(req)) as string,
        skipIf: (ctx) => loginAccountKey(ctx.switchToHttp().getRequest<FastifyRequest>().body) === null,
      },
    ],
    generateKey: (_ctx, tracker, name) => throttleKey(name, tracker),
    setHeaders: false,
    storage: redis ? new FallbackThrottlerStorage(new ThrottlerStorageRedisService(redis), new ThrottlerStorageService()) : undefined,
  };
}

/** Login rate limits: the @LoginThrottle() decorator and its global guard. */
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [abuseConfig.KEY, REDIS_CLIENT], useFactory: options })],
  providers: [{ provide: APP_GUARD, useClass: LoginThrottlerGuard }],
})
export class RateLimitModule {}
