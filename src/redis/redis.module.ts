import { Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { redisConfig } from '../config/redis.config';
import { createRedisClient } from './redis-client.factory';
import { REDIS_CLIENT } from './redis.constants';

/** One ioredis client for the whole app (or null without REDIS_URL). */
@Global()
@Module({
  providers: [{ provide: REDIS_CLIENT, inject: [redisConfig.KEY], useFactory: (c: ConfigType<typeof redisConfig>) => createRedisClient(c) }],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  /** Connects at start so the first logins use Redis; an unreachable Redis is logged, not fatal (see the factory). */
  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.connect();
    } catch (e) {
      this.logger.warn(`Redis not reachable at start (${(e as Error).message}); using memory state until it is`);
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
