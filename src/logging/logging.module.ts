import { DynamicModule, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import pino, { DestinationStream } from 'pino';
import { appConfig } from '../config/app.config';
import { AppLogger, PINO_LOGGER } from './app-logger';
import { pinoOptions } from './pino-options';

export interface LoggingOptions {
  /** Where this application's logs go: standard output by default; the tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs through pino at LOG_LEVEL, one logger per application. Global, so anything may inject
 * PINO_LOGGER (the request log, the database wait at start-up) or AppLogger.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      providers: [
        {
          provide: PINO_LOGGER,
          inject: [appConfig.KEY],
          useFactory: (app: ConfigType<typeof appConfig>) =>
            options.destination ? pino(pinoOptions(app.logLevel), options.destination) : pino(pinoOptions(app.logLevel)),
        },
        AppLogger,
      ],
      exports: [PINO_LOGGER, AppLogger],
    };
  }
}
