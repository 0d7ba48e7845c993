import { Client } from 'pg';
import { createPostgresDatabase } from '../../test/support/databases';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** True when a PostgreSQL server answers at `url` within a few seconds. */
export async function postgresReachable(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const live = new Set<BenchDatabase>();

/** Drops the databases still alive (on Ctrl-C, so an interrupted bench leaves nothing behind on a shared server). */
export async function dropLiveDatabases(): Promise<void> {
  await Promise.all([...live].map((db) => db.drop().catch(() => undefined)));
}

/** A database of its own on the server of `baseUrl` (the bench never touches other databases). */
export async function createBenchDatabase(baseUrl: string): Promise<BenchDatabase> {
  const created = await createPostgresDatabase(baseUrl, 'gh_bench');
  const db: BenchDatabase = {
    url: created.url,
    drop: async () => {
      live.delete(db);
      await created.drop();
    },
  };
  live.add(db);
  return db;
}
