import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { appConfig } from '../config/app.config';
import { logDestination } from './log-destination';
import { pinoHttpOptions } from './pino-options';

/** Structured JSON logs through pino (nestjs-pino); the level is LOG_LEVEL. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => {
        const options = pinoHttpOptions(app.logLevel);
        const destination = logDestination();
        // forRoutes: [] mounts no pino-http middleware: it cost a child logger per request and a pass through Nest's
        // middleware layer; logEachRequest() writes the one line per request for much less.
        return { pinoHttp: destination ? [options, destination] : options, forRoutes: [] };
      },
    }),
  ],
})
export class LoggingModule {}
