import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp, CreateAppOptions } from '../../src/app.factory';
import { DatabaseKind, TestDatabase } from './databases';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** supertest bound to the in-process server */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * Starts the real AppModule in-process on a fresh database (migrations run, as in production) with `env` applied
 * on top of the test defaults (`options`: e.g. a log destination). The previous environment is restored on close.
 */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string | undefined> = {},
  options: { database?: TestDatabase; app?: CreateAppOptions } = {},
): Promise<TestApp> {
  /** options.database: an existing database to start on (e.g. a restart with other keys); it is then not dropped. */
  const db = options.database ?? (await kind.create());
  const t = await startAppOnDatabase(db, env, options.app);
  return {
    ...t,
    close: async () => {
      await t.close();
      if (!options.database) await db.drop();
    },
  };
}

/**
 * Starts the app on an existing database (several instances can share one: the second one's migrations find
 * nothing to do). close() stops the app and restores the environment but leaves the database.
 */
export async function startAppOnDatabase(
  db: TestDatabase,
  env: Record<string, string | undefined> = {},
  options: CreateAppOptions = {},
): Promise<TestApp> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: db.url, ...env });
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  const app = await createApp({ logger: false, ...options });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      process.env = saved;
    },
  };
}
