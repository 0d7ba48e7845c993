import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { enableCorsFor } from './common/http/cors';
import { registerFormBodyParser } from './common/http/form-body';
import { echoRequestId, requestIdGenerator } from './common/http/request-id';
import { registerSecurityHeaders } from './common/http/security-headers';
import { parseCidrList } from './common/net/ip-ranges';
import { createValidationPipe } from './common/pipes/validation';
import { setupSwagger } from './common/swagger/setup-swagger';
import { appConfig } from './config/app.config';
import { httpConfig } from './config/http.config';
import { setLogDestination } from './logging/log-destination';
import { logEachRequest } from './logging/request-log';

export interface CreateAppOptions {
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
  // Read once here (rather than through ConfigService) because the adapter is built before the container exists.
  const app0 = appConfig();
  const http = httpConfig();
  const adapter = new FastifyAdapter({
    trustProxy: app0.trustProxy.length > 0 ? app0.trustProxy : false,
    bodyLimit: http.bodyLimit,
    // A body with a "__proto__" or "constructor.prototype" key is refused (400), never merged into an object.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    genReqId: requestIdGenerator(parseCidrList(app0.trustProxy)),
  });
  const fastify = adapter.getInstance();
  // JSON everywhere, forms on the routes that say so; without this, text/plain bodies would reach the DTOs as
  // strings. Other types → 415.
  fastify.removeContentTypeParser('text/plain');
  registerFormBodyParser(fastify);
  echoRequestId(fastify);
  registerSecurityHeaders(fastify);
  setLogDestination(options.logDestination);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    // Nest's own parsers are off: Fastify's JSON parser (with prototype-poisoning checks) and registerFormBodyParser
    // are the only ones, so any other content type is a 415.
    bodyParser: false,
    bufferLogs: true,
    ...(options.logger === false ? { logger: false } : {}),
  });
  app.useLogger(app.get(Logger));
  // Nest flushes buffered logs only in listen(); the e2e tests never listen, so flush now (and stop buffering).
  app.flushLogs();
  logEachRequest(fastify);
  enableCorsFor(app, http.corsOrigins);
  app.useGlobalPipes(createValidationPipe());
  setupSwagger(app);
  return app;
}
