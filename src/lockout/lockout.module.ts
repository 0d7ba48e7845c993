import { Module } from '@nestjs/common';
import Redis from 'ioredis';
import { AuditModule } from '../audit/audit.module';
import { AbuseConfig, abuseConfig } from '../config/abuse.config';
import { REDIS_CLIENT } from '../redis/redis.constants';
import { UsersModule } from '../users/users.module';
import { DeviceCredentials } from './device-credentials';
import { loadDeviceSecret } from './device-secret';
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
      inject: [REDIS_CLIENT, abuseConfig.KEY],
      useFactory: (redis: Redis | null, abuse: AbuseConfig) => {
        const memory = new MemoryFailureCounter(abuse.lockout.memoryMaxKeys);
        return redis ? new FallbackFailureCounter(new RedisFailureCounter(redis), memory) : memory;
      },
    },
    {
      provide: DeviceCredentials,
      inject: [abuseConfig.KEY],
      useFactory: (abuse: AbuseConfig) => new DeviceCredentials(loadDeviceSecret(abuse.devices), abuse.devices.ttlMs),
    },
    LockoutService,
  ],
  exports: [LockoutService, DeviceCredentials],
})
export class LockoutModule {}
