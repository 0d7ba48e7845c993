import { ChildInstance, startChildInstance } from './child-instance';
import { DatabaseKind, TestDatabase } from './databases';
import { startAppOnDatabase, TestApp } from './test-app';

/** Two Gatehouse instances on one database, as behind a load balancer. */
export interface InstancePair {
  a: TestApp;
  b: ChildInstance;
  db: TestDatabase;
}

/**
 * Two Gatehouse instances on one database for the tests of a block: this process's app, and a second one in its own
 * process (see child-instance.ts for why), whose migrations find nothing to do.
 */
export function twoInstances(kind: DatabaseKind, env: () => Record<string, string>): InstancePair {
  const pair = { a: undefined as unknown as TestApp, b: undefined as unknown as ChildInstance, db: undefined as unknown as TestDatabase };
  beforeAll(async () => {
    pair.db = await kind.create();
    pair.a = await startAppOnDatabase(pair.db, env());
    pair.b = await startChildInstance({ ...env(), DATABASE_URL: pair.db.url, LOG_LEVEL: 'silent' });
  }, 120_000);
  afterAll(async () => {
    await pair.b?.stop();
    await pair.a?.close();
    await pair.db?.drop();
  });
  return pair;
}
