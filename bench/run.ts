/**
 * `npm run bench` — builds Gatehouse, starts it as a child process (SQLite, and PostgreSQL when reachable at
 * BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres), drives it with autocannon, prints one table
 * and writes it into docs/benchmarks.md. `npm run bench -- --scale` runs the 1,000 vs 1,000,000 users comparison.
 *
 * Options: --scale, --seconds=<login phase, default 10>, --quick (short phases, one SQLite scenario: a check that
 * the bench works, not figures), --no-build, --no-write, --note="<text for the report>", --json=<file> (the results
 * as JSON, for bench:nodes), --v8-flags="<flags>"|none (instead of those of `npm start`, for an A/B).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bcryptRace } from './support/bcrypt-race';
import { calibrateHasher, jwtRates } from './support/calibrate';
import { benchEmail, benchUsername, CACHES_OFF, login, loginBody, overrideStartFlags, seedThroughApi, startGatehouse, v8StartFlags } from './support/gatehouse';
import { load } from './support/load';
import { machineLine, startBench } from './support/machine';
import { BenchDatabase, createBenchDatabase, DEFAULT_PG_URL, dropLiveDatabases, postgresReachable } from './support/postgres';
import { refreshPhase } from './support/refresh';
import { render, BenchResults, ScenarioResult } from './support/render';
import { writeSection } from './support/report';
import { runScale } from './scale';
import { BenchServer, ROOT, usingServer } from './support/server';

const COST = 10;
const LOGIN_CONNECTIONS = 16;
const SEEDED_USERS = 32;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
    json: { type: 'string' },
    'v8-flags': { type: 'string' },
  },
});
const QUICK = args.quick;
const SECONDS = Number(args.seconds ?? (QUICK ? 3 : 10));
const LOGIN_WARMUP_SECONDS = QUICK ? 2 : 5;
const PG_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
if (args['v8-flags'] !== undefined) overrideStartFlags(args['v8-flags'] === 'none' ? [] : args['v8-flags'].split(/\s+/).filter(Boolean));

const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

async function main(): Promise<void> {
  const machine = startBench(log, !args['no-build']);
  if (args.scale) return runScale({ pgUrl: PG_URL, machine, note: args.note, write: !args['no-write'] });

  log('JWT sign/verify rates (jsonwebtoken, RS256)');
  const jwt = jwtRates(QUICK ? 0.3 : 1);
  log('hello-world (NestJS + Fastify) GET /api/users/me');
  const hello = await helloWorldRate();

  type Refresh = false | Record<string, string>;
  const scenarios: { label: string; db: () => Promise<BenchDatabase | null>; hasher: string; refresh: Refresh }[] = [
    { label: 'SQLite', db: sqliteDb, hasher: 'auto', refresh: {} },
  ];
  // The hasher plays no part in a refresh: this column's refresh phase shows what SQLITE_SYNCHRONOUS=normal (no fsync
  // per commit) changes instead.
  if (!QUICK) scenarios.push({ label: 'SQLite, PASSWORD_HASHER=bcryptjs-workers', db: sqliteDb, hasher: 'bcryptjs-workers', refresh: { SQLITE_SYNCHRONOUS: 'normal' } });
  const pg = await postgresReachable(PG_URL);
  if (pg) scenarios.push({ label: 'PostgreSQL', db: () => createBenchDatabase(PG_URL), hasher: 'auto', refresh: {} });
  else log(`PostgreSQL not reachable at ${PG_URL}: skipped`);

  const scenarioResults: ScenarioResult[] = [];
  for (const s of scenarios) scenarioResults.push(await runScenario(s.label, s.db, s.hasher, s.refresh));

  const results: BenchResults = {
    node: process.version,
    v8Flags: v8StartFlags(),
    machine: machineLine(machine),
    seconds: SECONDS,
    quick: QUICK,
    hello,
    jwt,
    scenarios: scenarioResults,
    pg,
  };
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
  const markdown = render(results, args.note);
  console.log(markdown);
  if (!args['no-write'] && !QUICK) {
    writeSection(join(ROOT, 'docs/benchmarks.md'), 'default', markdown);
    log('written to docs/benchmarks.md');
  }
}

async function sqliteDb(): Promise<BenchDatabase> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-db-'));
  return { url: `sqlite:${join(dir, 'bench.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function helloWorldRate(): Promise<Awaited<ReturnType<typeof load>>> {
  // With the V8 flags of `npm start` too, so both servers run under the same settings.
  const server = await BenchServer.start(
    [...v8StartFlags(), '--require', require.resolve('ts-node/register/transpile-only'), join(__dirname, 'support/hello-world.ts')],
    {},
    '/api/users/me',
  );
  try {
    await load({ url: `${server.url}/api/users/me`, connections: LOGIN_CONNECTIONS, seconds: 1 });
    return await load({ url: `${server.url}/api/users/me`, connections: LOGIN_CONNECTIONS, seconds: SECONDS * 0.6 });
  } finally {
    await server.stop();
  }
}

async function runScenario(label: string, makeDb: () => Promise<BenchDatabase | null>, hasher: string, withRefresh: false | Record<string, string>): Promise<ScenarioResult> {
  log(`${label}: starting Gatehouse`);
  const db = (await makeDb())!;
  const server = await startGatehouse(db.url, hasher, COST);
  return usingServer(server, db, async () => {
    log(`${label}: seeding ${SEEDED_USERS} users through PUT /api/users`);
    await seedThroughApi(server, SEEDED_USERS);
    const tokens = await Promise.all(Array.from({ length: LOGIN_CONNECTIONS }, (_, i) => login(server, benchEmail(i))));
    const auth = tokens.map((t) => ({ authorization: `Bearer ${t}` }));
    const meUrl = `${server.url}/api/users/me`;

    log(`${label}: GET /api/users/me alone`);
    await load({ url: meUrl, connections: LOGIN_CONNECTIONS, seconds: 1, headers: auth });
    const meAlone = await load({ url: meUrl, connections: LOGIN_CONNECTIONS, seconds: SECONDS * 0.6, headers: auth });

    log(`${label}: bcrypt implementations side by side, then the hasher in use`);
    const race = bcryptRace(await hashOf('calibration-password'), 'calibration-password', QUICK ? 1.5 : 4, log);
    const calibration = await calibrateHasher(hasher, COST, QUICK ? 1 : 2);
    log(`${label}: ${calibration.hasher} ${calibration.perHashMs.toFixed(1)} ms per hash; login saturation`);
    const bodies = Array.from({ length: SEEDED_USERS }, (_, i) => loginBody(i % 2 ? benchUsername(i) : benchEmail(i)));
    // Warm-up, not measured (as for /me): the sign-in path has run only a few dozen times so far, so its code is
    // still being compiled and optimised by V8 during the first seconds at full load.
    await load({ url: `${server.url}/api/auth/login`, method: 'POST', connections: LOGIN_CONNECTIONS, seconds: LOGIN_WARMUP_SECONDS, bodies });
    // The sign-ins the warm-up left in flight (up to one per connection, about half a second of hashing) finish
    // before the measured phase starts.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await server.probe('reset');
    const [logins, meAlongside] = await Promise.all([
      load({ url: `${server.url}/api/auth/login`, method: 'POST', connections: LOGIN_CONNECTIONS, seconds: SECONDS, bodies }),
      load({ url: meUrl, connections: 2, seconds: SECONDS, overallRate: 50, headers: auth }),
    ]);
    const probe = await server.probe('report');
    await server.stop();
    log(`${label}: GET /api/users/me alone with the token-check caches off`);
    const meCachesOff = await meWithCachesOff(db.url, hasher);
    if (withRefresh) log(`${label}: refresh tokens (type "refresh_token")`);
    const refresh = withRefresh ? await refreshPhase(db.url, hasher, SECONDS, (s) => log(`${label}: ${s}`), withRefresh) : null;
    return {
      label,
      hasher: calibration.hasher,
      perHashMs: calibration.perHashMs,
      saturatedPerSecond: calibration.saturatedPerSecond,
      race,
      logins,
      meAlongside,
      meAlone,
      meCachesOff,
      refresh,
      delayP99Ms: probe.delayP99Ms,
      delayMaxMs: probe.delayMaxMs,
      peakRssMb: probe.peakRssMb,
    };
  });
}

/** A cost-10 hash made with bcryptjs (every implementation reads it). */
async function hashOf(password: string): Promise<string> {
  return (require('bcryptjs') as { hashSync(p: string, c: number): string }).hashSync(password, COST);
}

/** The same /me phase on a second instance (same database) that verifies every signature and reads every row. */
async function meWithCachesOff(databaseUrl: string, hasher: string): Promise<Awaited<ReturnType<typeof load>>> {
  const server = await startGatehouse(databaseUrl, hasher, COST, CACHES_OFF);
  try {
    const tokens = await Promise.all(Array.from({ length: LOGIN_CONNECTIONS }, (_, i) => login(server, benchEmail(i))));
    const meUrl = `${server.url}/api/users/me`;
    const auth = tokens.map((t) => ({ authorization: `Bearer ${t}` }));
    await load({ url: meUrl, connections: LOGIN_CONNECTIONS, seconds: 1, headers: auth });
    return await load({ url: meUrl, connections: LOGIN_CONNECTIONS, seconds: SECONDS * 0.6, headers: auth });
  } finally {
    await server.stop();
  }
}

process.once('SIGINT', () => {
  // The servers get the same SIGINT from the terminal and shut down on their own.
  void dropLiveDatabases().finally(() => process.exit(130));
});

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e);
    process.exit(1);
  },
);
