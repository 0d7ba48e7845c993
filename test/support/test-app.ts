import type { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp, CreateAppOptions } from '../../src/app.factory';
import { DatabaseKind, TestDatabase } from './databases';
import { perBlock } from './per-block';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** supertest bound to the in-process server */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Anything with supertest bound to a Gatehouse: an in-process app, or an instance in its own process. */
export type HasHttp = Pick<TestApp, 'http'>;

/** Environment variables for one app, over the test defaults (setup-env.ts); undefined removes one. */
export type AppEnv = Record<string, string | undefined>;
export interface StartOptions {
  /** An existing database to start on (e.g. a restart with other keys); it is then not dropped. */
  database?: TestDatabase;
  /** e.g. a log destination */
  app?: CreateAppOptions;
}

/**
 * Starts the real AppModule in-process on a fresh database (migrations run, as in production) with `env` applied
 * on top of the test defaults. The previous environment is restored on close.
 */
export async function startTestApp(kind: DatabaseKind, env: AppEnv = {}, options: StartOptions = {}): Promise<TestApp> {
  const db = options.database ?? (await kind.create());
  let t: TestApp;
  try {
    t = await startAppOnDatabase(db, env, options.app);
  } catch (e) {
    if (!options.database) await db.drop();
    throw e;
  }
  return {
    ...t,
    close: async () => {
      await t.close();
      if (!options.database) await db.drop();
    },
  };
}

/**
 * The app of one describe block: started on a fresh database before its tests (`env` may be a function, read then,
 * for values another beforeAll makes) and closed after them. The object returned stands for that app; used outside
 * the block's tests it throws, rather than reaching a closed or another block's app.
 */
export function useTestApp(kind: DatabaseKind, env: AppEnv | (() => AppEnv) = {}, options: StartOptions = {}): TestApp {
  const current = perBlock('the test app', () => startTestApp(kind, typeof env === 'function' ? env() : env, options), (t) => t.close());
  return {
    get app() {
      return current().app;
    },
    get db() {
      return current().db;
    },
    http: () => current().http(),
    close: () => current().close(),
  };
}

/**
 * Starts the app on an existing database (several instances can share one: the second one's migrations find
 * nothing to do). close() stops the app and restores the environment but leaves the database.
 */
export async function startAppOnDatabase(
  db: TestDatabase,
  env: AppEnv = {},
  options: CreateAppOptions = {},
): Promise<TestApp> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: db.url, ...env });
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  let app: NestFastifyApplication | undefined;
  try {
    app = await createApp({ logger: false, ...options });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (e) {
    // A start that fails (the test of a refused configuration) leaves no connection open and no variable set.
    await app?.close().catch(() => undefined);
    process.env = saved;
    throw e;
  }
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

/** Listens on a free port of 127.0.0.1, for tests that need a real socket (a browser, a chosen source address). */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
