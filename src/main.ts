import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { appConfig } from './config/app.config';

/**
 * SIGTERM / SIGINT: stop accepting connections, let in-flight requests finish (Fastify's close waits for them and
 * answers requests arriving on kept-alive connections with 503 + Connection: close), close the database, exit 0.
 * A second signal while closing exits at once.
 */
function exitGracefullyOn(signals: NodeJS.Signals[], close: () => Promise<void>): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (closing) process.exit(1);
      closing = true;
      logger.log(`${signal} received: finishing in-flight requests, then exiting`);
      close().then(
        () => process.exit(0),
        (e: Error) => {
          logger.error(`Shutdown failed: ${e.message}`);
          process.exit(1);
        },
      );
    });
  }
}

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const { port, host } = appConfig();
  await app.listen(port, host);
  exitGracefullyOn(['SIGTERM', 'SIGINT'], () => app.close());
  // The real address (PORT=0 picks a free port, which tests rely on).
  new Logger('Gatehouse').log(`Listening on ${await app.getUrl()}`);
}

bootstrap().catch((e: Error) => {
  // Configuration errors name the variable; print them plainly and refuse to start.
  console.error(e.message);
  process.exit(1);
});
