import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databasePoolState } from './database-pool';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/**
 * Prometheus metrics (GET /metrics). Global, so the few places that count something (the sign-in flow, the
 * lockout, the rate-limit guard, refresh rotation, the password hasher) inject Metrics without importing this.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Metrics,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => {
        const metrics = new Metrics();
        metrics.watchDatabasePool(() => databasePoolState(dataSource));
        return metrics;
      },
    },
  ],
  exports: [Metrics],
})
export class MetricsModule {}
