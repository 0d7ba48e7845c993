import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** A database made for one test file, and how to throw it away. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const sqlite: DatabaseKind = {
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

/**
 * The databases e2e suites run against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Without it the
 * PostgreSQL suites are reported as skipped, and REQUIRE_POSTGRES=1 (set by CI) turns that skip into a failure.
 */
export function testDatabases(): { kind: DatabaseKind | null; label: string }[] {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped');
  }
  return [
    { kind: sqlite, label: 'sqlite' },
    pgUrl
      ? { kind: postgres(pgUrl), label: 'postgres' }
      : { kind: null, label: 'postgres (skipped: TEST_DATABASE_URL not set)' },
  ];
}

/** `describe` once per database; the PostgreSQL block is a visible describe.skip when no server is configured. */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  for (const { kind, label } of testDatabases()) {
    if (kind) describe(`${title} [${label}]`, () => body(kind));
    else describe.skip(`${title} [${label}]`, () => it('is skipped', () => undefined));
  }
}
