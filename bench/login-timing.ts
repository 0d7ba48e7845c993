/**
 * Do an unknown user, a wrong password and a locked account take the same time to answer? (They must: a
 * difference tells an attacker which e-mails have accounts.) And users whose hash was imported from another system
 * (argon2id, scrypt, PBKDF2 with common parameters), before their first sign-in upgrades it? Starts the app
 * in-process on a scratch SQLite file, measures N sign-ins of each kind (all with a wrong password, so nothing is
 * upgraded), interleaved in random order so drift hits all kinds alike, and prints the median and p90 of each.
 * `npm run bench:timing`; BENCH_N (default 60) and BCRYPT_COST (default 10) adjust it.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hash as argon2 } from '@node-rs/argon2';
import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';

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
const KINDS = {
  unknown: 'nobody@bench.test',
  wrong: 'known@bench.test',
  locked: 'locked@bench.test',
  argon2id: 'argon2id@bench.test',
  scrypt: 'scrypt@bench.test',
  pbkdf2: 'pbkdf2@bench.test',
} as const;
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

  const sync = async (email: string, credential: object = { password: 'Bench-passw0rd' }) => {
    const res = await fastify.inject({ method: 'PUT', url: '/api/users', headers: { 'x-user-ctx': SYSTEM_CTX }, payload: { email, ...credential } });
    return (res.json() as { id: string }).id;
  };
  await sync(KINDS.wrong);
  // Locked automatically (to clients without a device credential, as these are): an admin-locked account answers a
  // wrong password 401 like any other, so the 423 to time is the automatic lock's.
  await app.get(UserLocksService).lockAfterFailures(await sync(KINDS.locked), new Date(), new Date(Date.now() + 86_400_000));
  for (const [kind, passwordHash] of Object.entries(await importedHashes())) await sync(KINDS[kind as Kind], { passwordHash });

  const expected: Record<Kind, number> = { unknown: 401, wrong: 401, locked: 423, argon2id: 401, scrypt: 401, pbkdf2: 401 };
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
  const samples = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  for (let i = 0; i < N; i++) {
    for (const k of [...kinds].sort(() => Math.random() - 0.5)) samples[k].push(await attempt(k));
  }
  await app.get(AuditService).flush();
  await app.close();

  console.log(`login timing: ${N} sign-ins of each kind, bcrypt cost ${process.env.BCRYPT_COST}; imported hashes: ${IMPORTED}`);
  const median: Partial<Record<Kind, number>> = {};
  for (const k of kinds) {
    const sorted = [...samples[k]].sort((a, b) => a - b);
    median[k] = percentile(sorted, 0.5);
    const vsUnknown = k === 'unknown' ? '' : `   median − unknown's ${(median[k]! - median.unknown!).toFixed(2)} ms`;
    console.log(`  ${k.padEnd(8)} median ${median[k]!.toFixed(2)} ms   p90 ${percentile(sorted, 0.9).toFixed(2)} ms${vsUnknown}`);
  }
  const bcrypt = [median.unknown!, median.wrong!, median.locked!];
  const spread = Math.max(...bcrypt) - Math.min(...bcrypt);
  console.log(`  spread of medians (unknown, wrong, locked): ${spread.toFixed(2)} ms (${((100 * spread) / Math.min(...bcrypt)).toFixed(1)}% of the fastest)`);
  // An imported hash is checked with its own algorithm, then padded with the dummy bcrypt comparison: never faster
  // than an unknown user, slower by about its own algorithm's time, until the first sign-in upgrades it.
}

const IMPORTED = 'argon2id m=19456 KiB t=2 p=1 (OWASP), scrypt N=2^15 r=8 p=1, PBKDF2-SHA256 600,000 iterations (OWASP)';

/** Hashes of another password, as other systems make them with common parameters (see IMPORTED). */
async function importedHashes(): Promise<Record<'argon2id' | 'scrypt' | 'pbkdf2', string>> {
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  const salt = randomBytes(16);
  return {
    argon2id: await argon2('Imported-passw0rd', { memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    scrypt: `$scrypt$ln=15,r=8,p=1$${b64(salt)}$${b64(scryptSync('Imported-passw0rd', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }))}`,
    pbkdf2: `$pbkdf2-sha256$i=600000$${b64(salt)}$${b64(pbkdf2Sync('Imported-passw0rd', salt, 600_000, 32, 'sha256'))}`,
  };
}

main()
  .catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
