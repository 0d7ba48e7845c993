import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClientsModule } from './clients/clients.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { ConfigurationModule } from './config/configuration.module';
import { AllConfig } from './config/load-config';
import { DatabaseModule } from './database/database.module';
import { GoogleAuthModule } from './google-auth/google-auth.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { SelfServiceModule } from './self-service/self-service.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { AdminBootstrap } from './users/admin/admin-bootstrap';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  /** The configuration, loaded once by loadConfig(). */
  config: AllConfig;
  /** Where this application's logs go (default standard output). */
  logDestination?: DestinationStream;
}

/**
 * The application, built from one configuration object. Everything that differs between two applications (the
 * configuration, the log destination) comes in through these options and is provided inside this app's container,
 * so two apps started in one process (the tests) never share it.
 */
@Module({})
export class AppModule {
  static forRoot({ config, logDestination }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigurationModule.forRoot(config),
        LoggingModule.forRoot({ destination: logDestination }),
        DatabaseModule,
        MetricsModule,
        RedisModule,
        RateLimitModule,
        AuditModule,
        HealthModule,
        UsersModule,
        ClientsModule,
        AuthModule,
        GoogleAuthModule,
        SelfServiceModule,
      ],
      // AdminBootstrap here rather than in UsersModule: the CLI uses UsersModule and must not create an admin by itself.
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }, AdminBootstrap],
    };
  }
}
