import { DynamicModule, Module } from '@nestjs/common';
import pino from 'pino';
import { ConfigurationModule } from '../config/configuration.module';
import { AllConfig } from '../config/load-config';
import { DatabaseModule } from '../database/database.module';
import { LoggingModule } from '../logging/logging.module';
import { RedisModule } from '../redis/redis.module';
import { UsersModule } from '../users/users.module';

/**
 * What the commands that work on users need: the configured database (migrations run, as at a start of the
 * service, so the CLI also works on an empty one) and Redis when configured, through which a change made here is
 * announced to the running instances as a change made through one of them would be. Started only by the commands
 * that need it (see DatabaseCommands), so `keys:*` runs without a database.
 */
@Module({})
export class CliDatabaseModule {
  static forRoot(config: AllConfig): DynamicModule {
    return {
      module: CliDatabaseModule,
      imports: [ConfigurationModule.forRoot(config), LoggingModule.forRoot({ destination: pino.destination(2) }), DatabaseModule, RedisModule, UsersModule],
    };
  }
}
