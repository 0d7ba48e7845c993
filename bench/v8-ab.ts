/**
 * `npx ts-node --transpile-only bench/v8-ab.ts [rounds] [seconds]` — does `npm start`'s V8 flag still pay? Gatehouse
 * from dist on PostgreSQL (no native module of another ABI is needed, so BENCH_NODE=<path to another node> runs the
 * server on another Node line from this tree), started alternately with `npm start`'s V8 flags and with none:
 * `GET /api/users/me` req/s (16 connections), the server's CPU per request, and its peak RSS. BENCH_AB_FLAGS="<flags>"
 * replaces "none" as the other side. A smoke A/B; the
 * full comparison is `npm run bench:nodes -- --v8-ab`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchEmail, login, overrideStartFlags, seedThroughApi, startGatehouse, v8StartFlags } from './support/gatehouse';
import { load } from './support/load';
import { createBenchDatabase, DEFAULT_PG_URL } from './support/postgres';
import { SERVER_NODE } from './support/server';

/** CPU time of the process so far (utime + stime, fields 14 and 15 of /proc/<pid>/stat, in 10 ms ticks), in ms. */
const cpuMs = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

async function once(dbUrl: string, flags: string[], seconds: number): Promise<{ rps: number; cpuUsPerReq: number; rssMb: number }> {
  overrideStartFlags(flags);
  const server = await startGatehouse(dbUrl, 'auto', 4);
  try {
    const tokens = await Promise.all(Array.from({ length: 16 }, (_, i) => login(server, benchEmail(i))));
    const headers = tokens.map((t) => ({ authorization: `Bearer ${t}` }));
    const url = `${server.url}/api/users/me`;
    await load({ url, connections: 16, seconds: 2, headers });
    const c0 = cpuMs(server.pid);
    const r = await load({ url, connections: 16, seconds, headers });
    const c1 = cpuMs(server.pid);
    return { rps: r.okPerSecond, cpuUsPerReq: ((c1 - c0) * 1000) / (r.okPerSecond * seconds), rssMb: (await server.probe('report')).peakRssMb };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const [rounds = 2, seconds = 5] = process.argv.slice(2).map(Number);
  const startFlags = v8StartFlags();
  const other = (process.env.BENCH_AB_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const version = execFileSync(SERVER_NODE, ['--version'], { encoding: 'utf8' }).trim();
  const db = await createBenchDatabase(process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL);
  try {
    overrideStartFlags([]);
    const seeder = await startGatehouse(db.url, 'auto', 4);
    await seedThroughApi(seeder, 16);
    await seeder.stop();
    const results: Record<string, { rps: number; cpuUsPerReq: number; rssMb: number }[]> = { with: [], without: [] };
    for (let i = 0; i < rounds; i++) {
      results.with.push(await once(db.url, startFlags, seconds));
      results.without.push(await once(db.url, other, seconds));
    }
    for (const [k, rs] of Object.entries(results)) {
      const label = k === 'with' ? startFlags.join(' ') : other.join(' ') || 'no V8 flag';
      console.log(`Node ${version}, ${label}: ` + rs.map((r) => `${r.rps.toFixed(0)} req/s, ${r.cpuUsPerReq.toFixed(0)} µs CPU/req, peak RSS ${r.rssMb} MB`).join(' | '));
    }
  } finally {
    await db.drop();
  }
}

void main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
