import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/pipes/validation';
import { setupSwagger } from './common/swagger/setup-swagger';
import { appConfig } from './config/app.config';

/** Largest request body accepted; a login or sync body is a few hundred bytes. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the application with everything main.ts and the e2e tests share; does not listen. */
export async function createApp(options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  // Read once here (rather than through ConfigService) because the adapter is built before the container exists.
  const app0 = appConfig();
  const adapter = new FastifyAdapter({
    trustProxy: app0.trustProxy.length > 0 ? app0.trustProxy : false,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
  });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app);
  return app;
}
