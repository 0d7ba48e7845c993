import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { AuditModule } from '../audit/audit.module';
import { REDIS_CLIENT } from '../redis/redis.constants';
import { UsersModule } from '../users/users.module';
import { FailureCounter } from './failure-counter';
import { FallbackFailureCounter } from './fallback-failure-counter';
import { LockoutService } from './lockout.service';
import { MemoryFailureCounter } from './memory-failure-counter';
import { RedisFailureCounter } from './redis-failure-counter';

@Module({
  imports: [UsersModule, AuditModule],
  providers: [
    {
      provide: FailureCounter,
      inject: [REDIS_CLIENT],
      useFactory: (redis: Redis | null) =>
        redis ? new FallbackFailureCounter(new RedisFailureCounter(redis), new MemoryFailureCounter()) : new MemoryFailureCounter(),
    },
    LockoutService,
  ],
  exports: [LockoutService],
})
export class LockoutModule {}
