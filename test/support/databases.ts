import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeRequiring, Requirement } from './skips';

/** A database made for one test file, and how to throw it away. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

/** A fresh SQLite file per app started; alone, for suites whose subject does not depend on the database. */
export const SQLITE: DatabaseKind = {
  name: 'sqlite',
  async create() {
    const path = join(process.env.GATEHOUSE_TEST_TMP ?? '/tmp', `gh-${randomBytes(6).toString('hex')}.sqlite`);
    return {
      url: `sqlite:${path}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      },
    };
  },
};

/**
 * CREATE DATABASE <prefix>_<random> on the server of `baseUrl`, and how to drop it (WITH FORCE: connections left
 * open by a failed run do not keep it alive). Shared by the e2e suites and the bench.
 */
export async function createPostgresDatabase(baseUrl: string, prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh PostgreSQL database per test file (on the server of TEST_DATABASE_URL). */
function postgres(baseUrl: string): DatabaseKind {
  return { name: 'postgres', create: () => createPostgresDatabase(baseUrl, 'gh_test') };
}

/** PostgreSQL is tested when TEST_DATABASE_URL names a server (each test file makes and drops its own database). */
function postgresRequirement(): Requirement {
  return { name: 'PostgreSQL', missing: process.env.TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL not set', requireVar: 'REQUIRE_POSTGRES' };
}

/** The PostgreSQL kind, or (when skipped) one that is never asked for a database: a skipped suite runs no hook. */
function postgresKind(): DatabaseKind {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return postgres(url);
  return { name: 'postgres', create: () => Promise.reject(new Error('TEST_DATABASE_URL not set')) };
}

/** A block on PostgreSQL only (e.g. about connections to a server); skipped by name without TEST_DATABASE_URL. */
export function describeOnPostgres(title: string, body: (kind: DatabaseKind) => void): void {
  describeRequiring(postgresRequirement(), `${title} [postgres]`, () => body(postgresKind()));
}

/**
 * `describe` once per database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Without it the PostgreSQL
 * block is skipped by name with the reason (see skips.ts), and REQUIRE_POSTGRES=1 (set by CI) makes that a failure.
 */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  describe(`${title} [sqlite]`, () => body(SQLITE));
  describeOnPostgres(title, body);
}

/**
 * A database kept across several app starts (a restart with other settings), dropped once `use` is done.
 */
export async function withDatabase(kind: DatabaseKind, use: (db: TestDatabase) => Promise<void>): Promise<void> {
  const db = await kind.create();
  try {
    await use(db);
  } finally {
    await db.drop();
  }
}
