/**
 * `npx ts-node --transpile-only bench/profile.ts <refresh|login|import> [seconds|users]` — a CPU profile of Gatehouse
 * (from dist, SQLite or BENCH_PROFILE_DB) under one workload (`import`: that many pre-hashed users, default 100,000,
 * through the built CLI), written by `node --cpu-prof` into bench/.cache/profiles when the
 * server stops; open it in Chrome DevTools or summarise it with `node bench/support/top-functions.js <file>`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeImportFile } from './import/import-file';
import { runCli } from './import/measure';
import { BENCH_CACHE } from './support/bench-install';
import { benchEmail, loginBody, overrideStartFlags, refreshBody, seedThroughApi, signIn, startGatehouse, v8StartFlags } from './support/gatehouse';
import { load, refreshLoad } from './support/load';

async function main(): Promise<void> {
  const [workload = 'refresh', secondsArg = '8'] = process.argv.slice(2);
  const seconds = Number(secondsArg);
  const dir = join(BENCH_CACHE, 'profiles');
  mkdirSync(dir, { recursive: true });
  const db = process.env.BENCH_PROFILE_DB ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'gatehouse-profile-')), 'p.sqlite')}`;
  const cost = workload === 'refresh' ? 4 : 10;
  overrideStartFlags([...v8StartFlags(), '--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const server = await startGatehouse(db, 'auto', cost);
  try {
    if (workload === 'import') {
      const file = join(mkdtempSync(join(tmpdir(), 'gatehouse-profile-')), 'users.ndjson');
      await writeImportFile(file, Number(process.argv[3] ?? 100_000), 10);
      const run = await runCli(server, file, `${file}.state.json`);
      console.log(`users/s ${run.perSecond}, peak RSS ${run.peakRssMb} MB, server time ${run.split}`);
      return;
    }
    await seedThroughApi(server, 64);
    const url = `${server.url}/api/auth/login`;
    if (workload === 'refresh') {
      const tokens = await Promise.all(Array.from({ length: 64 }, (_, i) => signIn(server, benchEmail(i)).then((s) => s.refreshToken)));
      const r = await refreshLoad({ url, connections: 16, seconds, tokens, body: refreshBody });
      console.log(`refreshes/s ${r.okPerSecond.toFixed(0)} p50 ${r.p50Ms} p99 ${r.p99Ms} non2xx ${r.non2xx}`);
    } else {
      const bodies = Array.from({ length: 64 }, (_, i) => loginBody(benchEmail(i)));
      const r = await load({ url, method: 'POST', connections: 16, seconds, bodies });
      console.log(`sign-ins/s ${r.okPerSecond.toFixed(1)} p50 ${r.p50Ms} p99 ${r.p99Ms} non2xx ${r.non2xx}`);
    }
  } finally {
    await server.stop();
  }
  console.log(`profile in ${dir}`);
}

void main();
