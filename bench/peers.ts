/**
 * `npm run bench:peers` — the workloads of the issue-15 table against Gatehouse and Better Auth, one server at a
 * time on PostgreSQL (each its own database), the load generator on the same machine:
 *   - password sign-ins/s (16 connections);
 *   - session checks/s (50 connections): Gatehouse `GET /api/users/me` with a Bearer token (caches on, then off),
 *     Better Auth `GET /api/auth/get-session` with its session cookie;
 *   - the session-check p99 at 50 req/s while sign-ins saturate the cores;
 *   - the peak RSS of the server process.
 * Better Auth is installed from npm into bench/.cache/peers at bench time (never a dependency of the service) and
 * runs as it ships: scrypt, its rate limiter off. When it cannot be installed, or PostgreSQL is not reachable, the
 * comparison is skipped with a message.
 *
 * Options: --seconds=<phase, default 10>, --quick (6 s phases), --no-build, --no-write.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchInstall } from './support/bench-install';
import { BENCH_PASSWORD, benchEmail, CACHES_OFF, loginBody, seedThroughApi, signIn, startGatehouse } from './support/gatehouse';
import { load, LoadResult } from './support/load';
import { machineLine, startBench } from './support/machine';
import { createBenchDatabase, DEFAULT_PG_URL, dropLiveDatabases, postgresReachable } from './support/postgres';
import { fmt, markdownTable, Row, writeSection } from './support/report';
import { BenchServer, ROOT } from './support/server';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
// Quick phases are 6 s: Better Auth's sign-ins (scrypt in JavaScript on the event loop) take seconds each at 16 at once.
const SECONDS = Number(args.seconds ?? (args.quick ? 6 : 10));
const USERS = 32;
const SIGN_IN_CONNECTIONS = 16;
const CHECK_CONNECTIONS = 50;
const PG_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
const BETTER_AUTH = 'better-auth@1.7';

const log = (s: string) => console.error(`[bench:peers ${new Date().toISOString().slice(11, 19)}] ${s}`);

interface PeerResult {
  signIns: LoadResult;
  checks: LoadResult;
  checksCachesOff?: LoadResult;
  checkP99WhileSaturated: number;
  peakRssMb: number;
}

/** What differs between the servers: how they start, make users, sign in and check a session. */
interface Peer {
  name: string;
  start(databaseUrl: string, env?: Record<string, string>): Promise<BenchServer>;
  seed(server: BenchServer): Promise<void>;
  signIn: { path: string; bodies: string[]; headers?: Record<string, string>[] };
  /** The request headers of a session check, one per signed-in user. */
  sessionHeaders(server: BenchServer): Promise<Record<string, string>[]>;
  checkPath: string;
}

const gatehouse: Peer = {
  name: 'Gatehouse',
  start: (url, env) => startGatehouse(url, 'auto', 10, env),
  seed: (server) => seedThroughApi(server, USERS),
  signIn: { path: '/api/auth/login', bodies: Array.from({ length: USERS }, (_, i) => loginBody(benchEmail(i))) },
  sessionHeaders: async (server) => {
    const sessions = await inBatches(USERS, (i) => signIn(server, benchEmail(i)));
    return sessions.map((s) => ({ authorization: `Bearer ${s.accessToken}` }));
  },
  checkPath: '/api/users/me',
};

function betterAuth(dir: string): Peer {
  const script = join(dir, 'better-auth-server.mjs');
  copyFileSync(join(__dirname, 'support', 'better-auth-server.mjs'), script);
  const origin = (server: BenchServer) => ({ origin: server.url });
  const credentials = (i: number) => JSON.stringify({ email: benchEmail(i), password: BENCH_PASSWORD });
  return {
    name: 'Better Auth 1.7',
    start: (url) => BenchServer.start(['--require', join(__dirname, 'support', 'eventloop-probe.js'), script], { NODE_ENV: 'production', DATABASE_URL: url }, '/api/auth/ok'),
    seed: async (server) => {
      await inBatches(USERS, async (i) => {
        const res = await post(server, '/api/auth/sign-up/email', JSON.stringify({ email: benchEmail(i), password: BENCH_PASSWORD, name: `Bench ${i}` }));
        if (res.status !== 200) throw new Error(`Better Auth sign-up ${i}: ${res.status} ${await res.text()}`);
      });
    },
    signIn: { path: '/api/auth/sign-in/email', bodies: Array.from({ length: USERS }, (_, i) => credentials(i)) },
    sessionHeaders: async (server) =>
      inBatches(USERS, async (i) => {
        const res = await post(server, '/api/auth/sign-in/email', credentials(i));
        const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        if (res.status !== 200 || !cookie) throw new Error(`Better Auth sign-in ${i}: ${res.status} ${await res.text()}`);
        return { cookie, ...origin(server) };
      }),
    checkPath: '/api/auth/get-session',
  };
}

async function post(server: BenchServer, path: string, body: string): Promise<Response> {
  return fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body });
}

async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 4) out.push(...(await Promise.all([i, i + 1, i + 2, i + 3].filter((n) => n < count).map(make))));
  return out;
}

async function measure(peer: Peer): Promise<PeerResult> {
  const db = await createBenchDatabase(PG_URL);
  let server = await peer.start(db.url);
  try {
    log(`${peer.name}: seeding ${USERS} users`);
    await peer.seed(server);
    const headers = await peer.sessionHeaders(server);
    const checkUrl = server.url + peer.checkPath;
    log(`${peer.name}: session checks (${CHECK_CONNECTIONS} connections)`);
    await load({ url: checkUrl, connections: CHECK_CONNECTIONS, seconds: 1, headers });
    const checks = await load({ url: checkUrl, connections: CHECK_CONNECTIONS, seconds: SECONDS, headers });
    log(`${peer.name}: sign-ins (${SIGN_IN_CONNECTIONS} connections), session checks alongside at 50/s`);
    const signInOpts = { url: server.url + peer.signIn.path, method: 'POST' as const, connections: SIGN_IN_CONNECTIONS, bodies: peer.signIn.bodies, headers: [{ origin: server.url }] };
    await load({ ...signInOpts, seconds: args.quick ? 2 : 5 });
    const [signIns, alongside] = await Promise.all([
      load({ ...signInOpts, seconds: SECONDS }),
      load({ url: checkUrl, connections: 2, seconds: SECONDS, overallRate: 50, headers }),
    ]);
    const peakRssMb = (await server.probe('report')).peakRssMb;
    let checksCachesOff: LoadResult | undefined;
    if (peer === gatehouse) {
      await server.stop();
      server = await peer.start(db.url, CACHES_OFF);
      const fresh = await peer.sessionHeaders(server);
      await load({ url: server.url + peer.checkPath, connections: CHECK_CONNECTIONS, seconds: 1, headers: fresh });
      checksCachesOff = await load({ url: server.url + peer.checkPath, connections: CHECK_CONNECTIONS, seconds: SECONDS, headers: fresh });
    }
    const failures = signIns.non2xx + signIns.errors + checks.non2xx + checks.errors;
    if (failures > 0) log(`${peer.name}: ${failures} non-2xx or failed requests (in the table)`);
    // No answer at all during the phase has no p99 (autocannon reports 0).
    return { signIns, checks, checksCachesOff, checkP99WhileSaturated: alongside.okPerSecond > 0 ? alongside.p99Ms : NaN, peakRssMb };
  } catch (e) {
    console.error(server.log);
    throw e;
  } finally {
    await server.stop();
    await db.drop();
  }
}

function render(ours: PeerResult, theirs: PeerResult | null, machine: string, skipped: string): string {
  const ratio = (a: number, b: number | undefined, higherIsBetter: boolean) =>
    b === undefined || !Number.isFinite(b) || b === 0 ? '' : `${fmt.n(higherIsBetter ? a / b : b / a, 1)}×`;
  const rows: Row[] = [
    [`password sign-ins/s (${SIGN_IN_CONNECTIONS} connections)`, fmt.n(ours.signIns.okPerSecond, 1), theirs ? fmt.n(theirs.signIns.okPerSecond, 1) : '', theirs ? ratio(ours.signIns.okPerSecond, theirs.signIns.okPerSecond, true) : ''],
    [
      `session checks/s (${CHECK_CONNECTIONS} connections)`,
      `${fmt.n(ours.checks.okPerSecond)} (${fmt.n(ours.checksCachesOff?.okPerSecond ?? NaN)} with caches off)`,
      theirs ? fmt.n(theirs.checks.okPerSecond) : '',
      theirs ? `${ratio(ours.checks.okPerSecond, theirs.checks.okPerSecond, true)} (${ratio(ours.checksCachesOff?.okPerSecond ?? NaN, theirs.checks.okPerSecond, true)})` : '',
    ],
    ['session-check p99 while sign-ins saturate', `${fmt.n(ours.checkP99WhileSaturated)} ms`, theirs ? `${fmt.n(theirs.checkP99WhileSaturated)} ms` : '', theirs ? ratio(ours.checkP99WhileSaturated, theirs.checkP99WhileSaturated, false) : ''],
    ['peak RSS', `${ours.peakRssMb} MB`, theirs ? `${theirs.peakRssMb} MB` : '', theirs ? ratio(ours.peakRssMb, theirs.peakRssMb, false) : ''],
    ['non-2xx / errors (sign-ins; checks)', `${ours.signIns.non2xx}/${ours.signIns.errors}; ${ours.checks.non2xx}/${ours.checks.errors}`, theirs ? `${theirs.signIns.non2xx}/${theirs.signIns.errors}; ${theirs.checks.non2xx}/${theirs.checks.errors}` : '', ''],
  ];
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:peers\` on ${machine}; PostgreSQL, ${SECONDS} s per phase${args.quick ? ' **(quick run: a check, not figures)**' : ''}.`,
    skipped ? `\n${skipped}\n` : '',
    markdownTable(['', 'Gatehouse', 'Better Auth 1.7 (scrypt, rate limiter off)', 'Gatehouse ÷ Better Auth (× better)'], rows),
  ].join('\n');
}

async function main(): Promise<void> {
  const machine = startBench(log, !args['no-build']);
  if (!(await postgresReachable(PG_URL))) {
    log(`PostgreSQL not reachable at ${PG_URL}: bench:peers skipped`);
    return;
  }
  const dir = benchInstall('peers', [BETTER_AUTH, 'pg@8'], log);
  const skipped = dir ? '' : `Better Auth could not be installed from npm here (${BETTER_AUTH}): its column is empty.`;
  if (!dir) log(skipped);
  const ours = await measure(gatehouse);
  const theirs = dir ? await measure(betterAuth(dir)) : null;
  const markdown = render(ours, theirs, machineLine(machine), skipped);
  console.log(markdown);
  if (!args['no-write'] && !args.quick) {
    writeSection(join(ROOT, 'docs/benchmarks.md'), 'peers', markdown);
    log('written to docs/benchmarks.md');
  }
}

process.once('SIGINT', () => void dropLiveDatabases().finally(() => process.exit(130)));

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e);
    process.exit(1);
  },
);
