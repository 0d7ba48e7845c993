import { Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as Pino } from 'pino';
import { databaseConfig } from '../config/database.config';
import { PINO_LOGGER } from '../logging/app-logger';
import { DataSource, DataSourceOptions } from 'typeorm';
import { runMigrationsOneAtATime } from './run-migrations';
import { TransactionRunner } from './transaction-runner';
import { buildDataSourceOptions } from './typeorm-options';
import { waitForDatabase } from './wait-for-database';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY, PINO_LOGGER],
      useFactory: async (db: ConfigType<typeof databaseConfig>, logger: Pino) => {
        // Written straight to this app's logger: Nest's own logger buffers until start-up ends, and these lines are
        // for whoever watches a start that is waiting.
        await waitForDatabase(db, (line) => logger.warn({ context: 'Database' }, line));
        // The database answered just now; a failure from here on is not an outage to wait out, and TypeORM's own
        // retry would log each try with a stack.
        // Migrations run once the connection is up, one instance at a time (runMigrationsOneAtATime), not by TypeORM.
        return { ...buildDataSourceOptions(db), migrationsRun: false, autoLoadEntities: true, toRetry: () => false };
      },
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options as DataSourceOptions).initialize();
        try {
          await runMigrationsOneAtATime(dataSource);
        } catch (e) {
          await dataSource.destroy(); // the start fails: no connection left open to keep the process alive
          throw e;
        }
        return dataSource;
      },
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
