import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchServer, ROOT } from './server';

export const BENCH_CLIENT = { clientId: 'bench-client', clientSecret: 'bench-client-secret-0123456789abcdef0123456789' };
export const BENCH_PASSWORD = 'Bench-passw0rd!';
const SYSTEM_CTX = Buffer.from(JSON.stringify({ id: '__system', user: '__system' })).toString('base64');

/**
 * The node arguments of `npm start` (package.json), so the bench runs Gatehouse exactly as it is started in
 * production: same V8 flags, same entry point.
 */
export function npmStartArgs(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = start.trim().split(/\s+/);
  if (command !== 'node' || args.some((a) => /["'$&|;]/.test(a))) throw new Error(`npm start is not a plain "node ..." command: ${start}`);
  return args;
}

/** Gatehouse from dist (production build) started as `npm start` does, with the event-loop probe preloaded. */
export function startGatehouse(databaseUrl: string, hasher: string, cost: number, env: Record<string, string> = {}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  return BenchServer.start(
    ['--require', join(__dirname, 'eventloop-probe.js'), ...npmStartArgs()],
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PASSWORD_HASHER: hasher,
      BCRYPT_COST: String(cost),
      AUTH_CLIENTS: `${BENCH_CLIENT.clientId}:${BENCH_CLIENT.clientSecret}`,
      JWT_KEYS_DIR: join(dir, 'keys'),
      ACCESS_TOKEN_TTL: '3600',
      LOG_LEVEL: 'warn',
      // The bench measures throughput, which the per-address and per-account login limits exist to cap.
      LOGIN_RATE_LIMIT_IP: '1000000',
      LOGIN_RATE_LIMIT_ACCOUNT: '1000000',
      ...env,
    },
    '/api/users/me',
  );
}

/** Both token-check caches off: every request verifies the signature and reads the user row. */
export const CACHES_OFF = { ACCESS_TOKEN_CACHE_SIZE: '0', USER_CACHE_TTL_MS: '0' };

export const benchEmail = (i: number) => `bench.user${i}@bench.test`;
export const benchUsername = (i: number) => `bench.user${i}`;

export function loginBody(emailOrUsername: string): string {
  return JSON.stringify({ type: 'password', ...BENCH_CLIENT, withPassword: { emailOrUsername, password: BENCH_PASSWORD } });
}

export const systemHeaders = { 'x-user-ctx': SYSTEM_CTX };

/** Creates users 0..count-1 through PUT /api/users (system context from loopback), a few at a time. */
export async function seedThroughApi(server: BenchServer, count: number): Promise<void> {
  const seedOne = async (i: number) => {
    const res = await fetch(`${server.url}/api/users`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...systemHeaders },
      body: JSON.stringify({ username: benchUsername(i), email: benchEmail(i), password: BENCH_PASSWORD, emailVerified: true }),
    });
    if (res.status !== 200) throw new Error(`seeding user ${i}: ${res.status} ${await res.text()}`);
  };
  for (let i = 0; i < count; i += 4) await Promise.all([i, i + 1, i + 2, i + 3].filter((n) => n < count).map(seedOne));
}

export async function login(server: BenchServer, emailOrUsername: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: loginBody(emailOrUsername),
  });
  if (res.status !== 200) throw new Error(`login of ${emailOrUsername}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
