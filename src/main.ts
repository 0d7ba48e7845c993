import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { exitGracefullyOn } from './common/process/graceful-exit';
import { appConfig } from './config/app.config';

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
