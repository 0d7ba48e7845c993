/**
 * `npm run bench` — builds Gatehouse, starts it as a child process (SQLite, and PostgreSQL when reachable at
 * BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres), drives it with autocannon, prints one table
 * and writes it into docs/benchmarks.md. `npm run bench -- --scale` runs the 1,000 vs 1,000,000 users comparison.
 *
 * Options: --scale, --seconds=<login phase, default 10>, --no-build, --no-write, --note="<text for the report>".
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { calibrateHasher, jwtRates } from './support/calibrate';
import { benchEmail, benchUsername, CACHES_OFF, login, loginBody, npmStartArgs, seedThroughApi, startGatehouse } from './support/gatehouse';
import { load } from './support/load';
import { describeMachine, machineLine, startBench } from './support/machine';
import { BenchDatabase, createBenchDatabase, DEFAULT_PG_URL, dropLiveDatabases, postgresReachable } from './support/postgres';
import { fmt, markdownTable, Row, writeSection } from './support/report';
import { runScale } from './scale';
import { BenchServer, ROOT, usingServer } from './support/server';

const COST = 10;
const LOGIN_CONNECTIONS = 16;
const SEEDED_USERS = 32;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
  },
});
const LOGIN_WARMUP_SECONDS = 5;
const SECONDS = Number(args.seconds);
const PG_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;

interface ScenarioResult {
  label: string;
  hasher: string;
  perHashMs: number;
  hashingLimit: number;
  saturatedPerSecond: number;
  logins: Awaited<ReturnType<typeof load>>;
  meAlongside: Awaited<ReturnType<typeof load>>;
  meAlone: Awaited<ReturnType<typeof load>>;
  meCachesOff: Awaited<ReturnType<typeof load>>;
  delayP99Ms: number;
  delayMaxMs: number;
  peakRssMb: number;
}

const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

async function main(): Promise<void> {
  const machine = startBench(log, !args['no-build']);
  if (args.scale) return runScale({ pgUrl: PG_URL, machine, note: args.note, write: !args['no-write'] });

  log('JWT sign/verify rates (jsonwebtoken, RS256)');
  const jwt = jwtRates(1);
  log('hello-world (NestJS + Fastify) GET /api/users/me');
  const hello = await helloWorldRate();

  const scenarios: { label: string; db: () => Promise<BenchDatabase | null>; hasher: string }[] = [
    { label: 'SQLite, PASSWORD_HASHER=auto', db: sqliteDb, hasher: 'auto' },
    { label: 'SQLite, PASSWORD_HASHER=bcryptjs-workers', db: sqliteDb, hasher: 'bcryptjs-workers' },
  ];
  const pg = await postgresReachable(PG_URL);
  if (pg) scenarios.push({ label: 'PostgreSQL, PASSWORD_HASHER=auto', db: () => createBenchDatabase(PG_URL), hasher: 'auto' });
  else log(`PostgreSQL not reachable at ${PG_URL}: skipped`);

  const results: ScenarioResult[] = [];
  for (const s of scenarios) results.push(await runScenario(s.label, s.db, s.hasher));

  const markdown = render(results, hello, jwt, machineLine(machine), pg);
  console.log(markdown);
  if (!args['no-write']) {
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
  const nodeFlags = npmStartArgs().filter((a) => a.startsWith('--'));
  const server = await BenchServer.start(
    [...nodeFlags, '--require', require.resolve('ts-node/register/transpile-only'), join(__dirname, 'support/hello-world.ts')],
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

async function runScenario(label: string, makeDb: () => Promise<BenchDatabase | null>, hasher: string): Promise<ScenarioResult> {
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

    log(`${label}: calibrating the hasher`);
    const calibration = await calibrateHasher(hasher, COST);
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
    return {
      label,
      hasher: calibration.hasher,
      perHashMs: calibration.perHashMs,
      saturatedPerSecond: calibration.saturatedPerSecond,
      hashingLimit: describeMachine().cores / (calibration.perHashMs / 1000),
      logins,
      meAlongside,
      meAlone,
      meCachesOff,
      delayP99Ms: probe.delayP99Ms,
      delayMaxMs: probe.delayMaxMs,
      peakRssMb: probe.peakRssMb,
    };
  });
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

function render(results: ScenarioResult[], hello: Awaited<ReturnType<typeof load>>, jwt: ReturnType<typeof jwtRates>, machine: string, pg: boolean): string {
  const col = (f: (r: ScenarioResult) => string) => results.map(f);
  const rows: Row[] = [
    ['password hasher in use', ...col((r) => r.hasher)],
    [`logins/s (cost ${COST}, ${LOGIN_CONNECTIONS} connections, ${SECONDS} s)`, ...col((r) => fmt.n(r.logins.okPerSecond, 1))],
    ['login latency p50 / p99', ...col((r) => `${r.logins.p50Ms} / ${r.logins.p99Ms} ms`)],
    ['hashing limit (cores ÷ per-hash time, same run)', ...col((r) => `${fmt.n(r.hashingLimit, 1)}/s (${fmt.n(r.perHashMs, 1)} ms/hash)`)],
    ['logins/s ÷ hashing limit (target ≥ 90%)', ...col((r) => fmt.pct(r.logins.okPerSecond / r.hashingLimit))],
    ['hasher alone, all threads busy (same run)', ...col((r) => `${fmt.n(r.saturatedPerSecond, 1)}/s (logins are ${fmt.pct(r.logins.okPerSecond / r.saturatedPerSecond)})`)],
    ['event-loop delay p99 (max) during login saturation (target < 20 ms)', ...col((r) => `${r.delayP99Ms} (${r.delayMaxMs}) ms`)],
    ['`GET /api/users/me` p99 alongside login saturation (target < 50 ms)', ...col((r) => `${r.meAlongside.p99Ms} ms`)],
    [`\`GET /api/users/me\` req/s alone (${LOGIN_CONNECTIONS} connections), p99`, ...col((r) => `${fmt.n(r.meAlone.okPerSecond)}/s, ${r.meAlone.p99Ms} ms`)],
    [`/me ÷ hello-world ${fmt.n(hello.okPerSecond)}/s (target ≥ 30%)`, ...col((r) => fmt.pct(r.meAlone.okPerSecond / hello.okPerSecond))],
    ['`/me` alone with both token-check caches off (`ACCESS_TOKEN_CACHE_SIZE=0 USER_CACHE_TTL_MS=0`), ÷ hello-world', ...col((r) => `${fmt.n(r.meCachesOff.okPerSecond)}/s, ${fmt.pct(r.meCachesOff.okPerSecond / hello.okPerSecond)}`)],
    ['peak RSS of the Gatehouse process (target < 250 MB)', ...col((r) => `${r.peakRssMb} MB`)],
    ['non-2xx / errors (logins; /me)', ...col((r) => `${r.logins.non2xx}/${r.logins.errors}; ${r.meAlone.non2xx + r.meAlongside.non2xx}/${r.meAlone.errors + r.meAlongside.errors}`)],
  ];
  const jwtRows: Row[] = [
    ['sign', `${fmt.n(jwt.signPem)}/s`, `${fmt.n(jwt.signKeyObject)}/s`],
    ['verify', `${fmt.n(jwt.verifyPem)}/s`, `${fmt.n(jwt.verifyKeyObject)}/s`],
  ];
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` on ${machine}.`,
    args.note ? `\n**Note:** ${args.note}\n` : '',
    markdownTable(['', ...results.map((r) => r.label)], rows),
    pg ? '' : '\nPostgreSQL was not reachable: its column is missing.',
    '\nRS256 with jsonwebtoken 9 (what @nestjs/jwt and passport-jwt call), one thread, 1 s each:\n',
    markdownTable(['', 'PEM string', 'KeyObject (what Gatehouse passes)'], jwtRows),
  ].join('\n');
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
