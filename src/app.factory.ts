import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream, Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import { enableCorsFor } from './common/http/cors';
import { registerFormBodyParser } from './common/http/form-body';
import { registerJsonBodyParser } from './common/http/json-body';
import { registerNdjsonBodyParser } from './common/http/ndjson-body';
import { echoRequestId, requestIdGenerator } from './common/http/request-id';
import { registerSecurityHeaders } from './common/http/security-headers';
import { withoutTrailingSlash } from './common/http/trailing-slash';
import { parseCidrList } from './common/net/ip-ranges';
import { createValidationPipe } from './common/pipes/validation';
import { setupSwagger } from './common/swagger/setup-swagger';
import { AllConfig, loadConfig } from './config/load-config';
import { AppLogger, PINO_LOGGER } from './logging/app-logger';
import { logEachRequest } from './logging/request-log';
import { Metrics } from './metrics/metrics';
import { measureEachRequest } from './metrics/request-metrics';

export interface CreateAppOptions {
  /** The configuration; default loadConfig(), i.e. the environment as it is now (the tests set it before). */
  config?: AllConfig;
  /** false: no Nest bootstrap messages (tests); runtime logs still go through pino at LOG_LEVEL. */
  logger?: false;
  /** Where pino writes (default standard output); tests pass a stream to read the logs. */
  logDestination?: DestinationStream;
}

/**
 * Builds the application with everything main.ts and the e2e tests share; does not listen. Signals are handled by
 * main.ts (graceful close, then exit 0) rather than enableShutdownHooks(), which re-raises the signal after closing
 * and so ends the process "killed by SIGTERM" instead of with a clean exit.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // One configuration object for the adapter (built before the container exists) and for the module.
  const config = options.config ?? loadConfig();
  const adapter = createAdapter(config);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, logDestination: options.logDestination }), adapter, {
    // Nest's own parsers are off: Fastify's JSON parser (with prototype-poisoning checks), registerFormBodyParser and
    // registerNdjsonBodyParser are the only ones, so any other content type is a 415.
    bodyParser: false,
    bufferLogs: true,
    // A failure while the modules start (the database never came up) is thrown to the caller, which reports it
    // (main.ts: one line and exit 1), instead of Nest logging its stack and aborting the process; the logs buffered
    // until then are dropped with the failed app.
    abortOnError: false,
    autoFlushLogs: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  // Nest's static Logger (new Logger(context) everywhere) writes through the app started last: that part of Nest is
  // per process. Request lines go to this app's own logger.
  app.useLogger(app.get(AppLogger));
  // Nest flushes buffered logs only in listen(); the e2e tests never listen, so flush now (and stop buffering).
  app.flushLogs();
  logEachRequest(adapter.getInstance(), app.get<Pino>(PINO_LOGGER));
  measureEachRequest(adapter.getInstance(), app.get(Metrics));
  enableCorsFor(app, config.http.corsOrigins);
  app.useGlobalPipes(createValidationPipe());
  setupSwagger(app);
  return app;
}

/** The Fastify adapter with the HTTP hygiene every route shares (body parsers, request ids, security headers). */
function createAdapter(config: AllConfig): FastifyAdapter {
  const adapter = new FastifyAdapter({
    trustProxy: config.app.trustProxy.length > 0 ? config.app.trustProxy : false,
    bodyLimit: config.http.bodyLimit,
    // A body with a "__proto__" or "constructor.prototype" key is refused (400), never merged into an object.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    genReqId: requestIdGenerator(parseCidrList(config.app.trustProxy)),
    // `PUT /api/users/` as the sync document spells it is the same route as `PUT /api/users`, not a 404.
    rewriteUrl: (req: IncomingMessage) => withoutTrailingSlash(req.url ?? '/'),
  });
  const fastify = adapter.getInstance();
  // JSON everywhere, forms and NDJSON streams on the routes that say so; without this, text/plain bodies would reach
  // the DTOs as strings. Other types → 415.
  fastify.removeContentTypeParser('text/plain');
  registerJsonBodyParser(fastify);
  registerFormBodyParser(fastify);
  registerNdjsonBodyParser(fastify);
  echoRequestId(fastify);
  registerSecurityHeaders(fastify);
  return adapter;
}
