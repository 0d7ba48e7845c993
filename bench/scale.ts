import { join } from 'node:path';
import { Client } from 'pg';
import { calibrateHasher } from './support/calibrate';
import { BENCH_PASSWORD, benchEmail, benchUsername, CACHES_OFF, loginBody, startGatehouse, systemHeaders } from './support/gatehouse';
import { load, LoadResult } from './support/load';
import { Machine, machineLine } from './support/machine';
import { createBenchDatabase } from './support/postgres';
import { fmt, markdownTable, Row, writeSection } from './support/report';
import { BenchServer, ROOT } from './support/server';

const COST = 10;
const SMALL = 1_000;
const LARGE = 1_000_000;
const BATCH = 100_000;
const SECONDS = 8;

const log = (s: string) => console.error(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${s}`);

interface Measurement {
  users: number;
  login: LoadResult;
  sync: LoadResult;
  me: LoadResult;
  plans: Record<string, string>;
}

/**
 * Login, sync and token-check latency with 1,000 users in PostgreSQL, then again after growing the same table to
 * 1,000,000 (INSERT … SELECT FROM generate_series in batches), with the plans of the lookups those requests make.
 */
export async function runScale(opts: { pgUrl: string; machine: Machine; note: string; write: boolean }): Promise<void> {
  const db = await createBenchDatabase(opts.pgUrl);
  const pg = new Client({ connectionString: db.url });
  let server: BenchServer | null = null;
  try {
    // Caches off: what is measured is the database lookup at each size, not memory.
    server = await startGatehouse(db.url, 'auto', COST, CACHES_OFF);
    await pg.connect();
    const { hasher } = await calibrateHasher('auto', COST, 0.2);
    log(`hasher ${hasher}`);
    const hash = await passwordHash();
    await seedRange(pg, hash, 1, SMALL);
    const small = await measure(server, pg, SMALL);
    for (let from = SMALL + 1; from <= LARGE; from += BATCH) {
      const to = Math.min(LARGE, from + BATCH - 1);
      log(`seeding users ${from}..${to}`);
      await seedRange(pg, hash, from, to);
    }
    const large = await measure(server, pg, LARGE);
    const markdown = render(small, large, machineLine(opts.machine), opts.note);
    console.log(markdown);
    if (opts.write) writeSection(join(ROOT, 'docs/benchmarks.md'), 'scale', markdown);
  } finally {
    await server?.stop();
    await pg.end().catch(() => undefined);
    await db.drop();
  }
}

/** One cost-10 hash of the bench password, shared by every seeded user (what is measured is the lookup). */
async function passwordHash(): Promise<string> {
  const { createPasswordHasher } = require(join(ROOT, 'dist/src/passwords/create-password-hasher.js')) as {
    createPasswordHasher(c: { mode: string; threads: number; hashThreadNice: number }, cost: number): { hasher: { hash(p: string): Promise<string>; close(): Promise<void> } };
  };
  const { hasher } = createPasswordHasher({ mode: 'auto', threads: 1, hashThreadNice: 0 }, COST);
  try {
    return await hasher.hash(BENCH_PASSWORD);
  } finally {
    await hasher.close();
  }
}

async function seedRange(pg: Client, hash: string, from: number, to: number): Promise<void> {
  await pg.query(
    `INSERT INTO users (id, guid, username, email, "emailVerified", "passwordHash", "isActive", "isLocked", "using2FA",
                        "createdAt", "createdBy", "updatedAt")
     SELECT (7000000000000000000 + g)::text, 'bench-guid-' || g, 'bench.user' || g, 'bench.user' || g || '@bench.test',
            true, $1, true, false, false, now(), '__bench', now()
     FROM generate_series($2::int, $3::int) AS g`,
    [hash, from, to],
  );
  await pg.query('ANALYZE users');
}

const pick = (users: number, n: number) => Array.from({ length: n }, () => 1 + Math.floor(Math.random() * users));

async function measure(server: BenchServer, pg: Client, users: number): Promise<Measurement> {
  log(`${users} users: login, sync and /me latency`);
  const sample = pick(users, 500);
  const login = await load({
    url: `${server.url}/api/auth/login`, method: 'POST', connections: 2, seconds: SECONDS,
    bodies: sample.map((i, n) => loginBody(n % 2 ? benchUsername(i) : benchEmail(i))),
  });
  const sync = await load({
    url: `${server.url}/api/users`, method: 'PUT', connections: 4, seconds: SECONDS, headers: [systemHeaders],
    bodies: sample.map((i) => JSON.stringify({ email: benchEmail(i), name: `Bench User ${i} ${Math.random()}` })),
  });
  const tokens = await Promise.all(sample.slice(0, 8).map((i) => tokenFor(server, benchEmail(i))));
  const me = await load({
    url: `${server.url}/api/users/me`, connections: 4, seconds: SECONDS, headers: tokens.map((t) => ({ authorization: `Bearer ${t}` })),
  });
  return { users, login, sync, me, plans: await plans(pg, sample[0]) };
}

async function tokenFor(server: BenchServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody(email) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The lookups as UsersService issues them (ColumnLookup: soft-delete filter and LIMIT 1), on one seeded user. */
async function plans(pg: Client, i: number): Promise<Record<string, string>> {
  const find = (where: string) => `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM "users" WHERE ${where} AND "deletedAt" IS NULL LIMIT 1`;
  const id = String(7000000000000000000n + BigInt(i));
  const queries: Record<string, string> = {
    'login / sync by e-mail': find(`"email" = '${benchEmail(i)}'`),
    'login / sync by username': find(`"username" = '${benchUsername(i)}'`),
    'token check (/me) by id': find(`"id" = '${id}'`),
    'sync update by id': `EXPLAIN (COSTS OFF) UPDATE "users" SET "name" = 'x', "updatedAt" = now() WHERE "id" = '${id}'`,
  };
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const rows = (await pg.query(sql)).rows as { 'QUERY PLAN': string }[];
    out[name] = rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  return out;
}

function render(small: Measurement, large: Measurement, machine: string, note: string): string {
  const change = (a: number, b: number) => (a > 0 ? `${b >= a ? '+' : ''}${fmt.n(((b - a) / a) * 100)}%` : 'n/a');
  const row = (label: string, f: (m: Measurement) => LoadResult): Row[] => [
    [`${label} p50`, `${f(small).p50Ms} ms`, `${f(large).p50Ms} ms`, change(f(small).p50Ms, f(large).p50Ms)],
    [`${label} p99`, `${f(small).p99Ms} ms`, `${f(large).p99Ms} ms`, change(f(small).p99Ms, f(large).p99Ms)],
    [`${label} req/s`, fmt.n(f(small).okPerSecond, 1), fmt.n(f(large).okPerSecond, 1), change(f(small).okPerSecond, f(large).okPerSecond)],
  ];
  const rows: Row[] = [
    ...row('login (2 connections, cost 10)', (m) => m.login),
    ...row('sync `PUT /api/users` (4 connections, no password)', (m) => m.sync),
    ...row('`GET /api/users/me` (4 connections)', (m) => m.me),
    ['non-2xx', `${small.login.non2xx + small.sync.non2xx + small.me.non2xx}`, `${large.login.non2xx + large.sync.non2xx + large.me.non2xx}`, ''],
  ];
  const plansOf = (m: Measurement) =>
    Object.entries(m.plans).map(([name, plan]) => `-- ${name}\n${plan}`).join('\n\n');
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:scale\` on ${machine}; PostgreSQL, ${SECONDS} s per phase.`,
    note ? `\n**Note:** ${note}\n` : '',
    markdownTable(['', `${SMALL.toLocaleString('en')} users`, `${LARGE.toLocaleString('en')} users`, 'change'], rows),
    `\nQuery plans with ${SMALL.toLocaleString('en')} users:\n\n\`\`\`\n${plansOf(small)}\n\`\`\``,
    `\nQuery plans with ${LARGE.toLocaleString('en')} users:\n\n\`\`\`\n${plansOf(large)}\n\`\`\``,
  ].join('\n');
}
