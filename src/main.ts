import 'reflect-metadata';
import { createApp } from './app.factory';
import { appConfig } from './config/app.config';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const { port, host } = appConfig();
  await app.listen(port, host);
}

bootstrap().catch((e: Error) => {
  // Configuration errors name the variable; print them plainly and refuse to start.
  console.error(e.message);
  process.exit(1);
});
