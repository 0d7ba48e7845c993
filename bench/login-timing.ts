/**
 * Do an unknown user, a wrong password and a locked account take the same time to answer? (They must: a
 * difference tells an attacker which e-mails have accounts.) Starts the app in-process on a scratch SQLite file,
 * measures N sign-ins of each kind, interleaved in random order so drift hits all three alike, and prints the
 * median and p90 of each. `npm run bench:timing`; BENCH_N (default 60) and BCRYPT_COST (default 10) adjust it.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
Object.assign(process.env, {
  DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
  JWT_KEYS_DIR: join(dir, 'keys'),
  AUTH_CLIENTS: 'bench-client:bench-client-secret-0123456789abcdef',
  BCRYPT_COST: process.env.BCRYPT_COST ?? '10',
  // Measure the checks, not the defences in front of them: no lock and no 429 during the run.
  LOCKOUT_THRESHOLD: '1000',
  LOGIN_RATE_LIMIT_IP: '1000000',
  LOGIN_RATE_LIMIT_ACCOUNT: '1000000',
  LOG_LEVEL: 'silent',
});
delete process.env.REDIS_URL;

const N = Number(process.env.BENCH_N ?? 60);
const SYSTEM_CTX = Buffer.from(JSON.stringify({ id: '__system', user: '__system' })).toString('base64');
const KINDS = { unknown: 'nobody@bench.test', wrong: 'known@bench.test', locked: 'locked@bench.test' } as const;
type Kind = keyof typeof KINDS;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  // Imported after the environment is set: the config namespaces read it when the module is built.
  const { createApp } = await import('../src/app.factory');
  const { UserLocksService } = await import('../src/users/user-locks.service');
  const { AuditService } = await import('../src/audit/audit.service');
  const app = await createApp({ logger: false });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();

  const sync = async (email: string) => {
    const res = await fastify.inject({ method: 'PUT', url: '/api/users', headers: { 'x-user-ctx': SYSTEM_CTX }, payload: { email, password: 'Bench-passw0rd' } });
    return (res.json() as { id: string }).id;
  };
  await sync(KINDS.wrong);
  // Locked automatically (to clients without a device credential, as these are): an admin-locked account answers a
  // wrong password 401 like any other, so the 423 to time is the automatic lock's.
  await app.get(UserLocksService).lockAfterFailures(await sync(KINDS.locked), new Date(), new Date(Date.now() + 86_400_000));

  const expected: Record<Kind, number> = { unknown: 401, wrong: 401, locked: 423 };
  const attempt = async (kind: Kind): Promise<number> => {
    const payload = { type: 'password', clientId: 'bench-client', clientSecret: 'bench-client-secret-0123456789abcdef', withPassword: { emailOrUsername: KINDS[kind], password: 'Not-the-passw0rd' } };
    const start = performance.now();
    const res = await fastify.inject({ method: 'POST', url: '/api/auth/login', payload });
    const ms = performance.now() - start;
    if (res.statusCode !== expected[kind]) throw new Error(`${kind}: expected ${expected[kind]}, got ${res.statusCode} ${res.body}`);
    return ms;
  };

  const kinds = Object.keys(KINDS) as Kind[];
  for (let i = 0; i < 5; i++) for (const k of kinds) await attempt(k);
  const samples: Record<Kind, number[]> = { unknown: [], wrong: [], locked: [] };
  for (let i = 0; i < N; i++) {
    for (const k of [...kinds].sort(() => Math.random() - 0.5)) samples[k].push(await attempt(k));
  }
  await app.get(AuditService).flush();
  await app.close();

  console.log(`login timing: ${N} sign-ins of each kind, bcrypt cost ${process.env.BCRYPT_COST}`);
  const medians: number[] = [];
  for (const k of kinds) {
    const sorted = [...samples[k]].sort((a, b) => a - b);
    medians.push(percentile(sorted, 0.5));
    console.log(`  ${k.padEnd(8)} median ${percentile(sorted, 0.5).toFixed(2)} ms   p90 ${percentile(sorted, 0.9).toFixed(2)} ms`);
  }
  const spread = Math.max(...medians) - Math.min(...medians);
  console.log(`  spread of medians: ${spread.toFixed(2)} ms (${((100 * spread) / Math.min(...medians)).toFixed(1)}% of the fastest)`);
}

main()
  .catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
