import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { exitGracefullyOn } from './common/process/graceful-exit';
import { StartupError } from './common/process/startup-error';
import { loadConfig } from './config/load-config';
import { Readiness } from './health/readiness';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  await app.listen(config.app.port, config.app.host);
  const readiness = app.get(Readiness);
  exitGracefullyOn(['SIGTERM', 'SIGINT'], () => app.close(), () => readiness.drain(config.app.shutdownDrainMs));
  // The real address (PORT=0 picks a free port, which tests rely on).
  new Logger('Gatehouse').log(`Listening on ${await app.getUrl()}`);
}

bootstrap().catch((e: unknown) => {
  // A configuration error or a database that never came up: one line per problem, naming the variable, no stack.
  // Anything else is a bug: printed whole, stack included.
  console.error(e instanceof StartupError ? e.message : e);
  process.exit(1);
});
