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

let startFlags: string[] | null = null;

/** Runs Gatehouse and the hello-world with these V8 flags instead of those of `npm start` (`--v8-flags`, an A/B). */
export function overrideStartFlags(flags: string[]): void {
  startFlags = flags;
}

/** The V8 flags the bench starts servers with: those of `npm start`, unless overridden. */
export function v8StartFlags(): string[] {
  return startFlags ?? npmStartArgs().filter((a) => a.startsWith('--'));
}

/** `npm start`'s arguments with the V8 flags the bench uses. */
function startArgs(): string[] {
  return [...v8StartFlags(), ...npmStartArgs().filter((a) => !a.startsWith('--'))];
}

/** Gatehouse from dist (production build) started as `npm start` does, with the event-loop probe preloaded. */
export function startGatehouse(databaseUrl: string, hasher: string, cost: number, env: Record<string, string> = {}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  return BenchServer.start(
    ['--require', join(__dirname, 'eventloop-probe.js'), ...startArgs()],
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

/** Creates users from..from+count-1 through PUT /api/users (system context from loopback), a few at a time. */
export async function seedThroughApi(server: BenchServer, count: number, from = 0): Promise<void> {
  const seedOne = async (i: number) => {
    const res = await fetch(`${server.url}/api/users`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...systemHeaders },
      body: JSON.stringify({ username: benchUsername(i), email: benchEmail(i), password: BENCH_PASSWORD, emailVerified: true }),
    });
    if (res.status !== 200) throw new Error(`seeding user ${i}: ${res.status} ${await res.text()}`);
  };
  const end = from + count;
  for (let i = from; i < end; i += 4) await Promise.all([i, i + 1, i + 2, i + 3].filter((n) => n < end).map(seedOne));
}

export async function login(server: BenchServer, emailOrUsername: string): Promise<string> {
  return (await signIn(server, emailOrUsername)).accessToken;
}

/** A password sign-in through the bench client: its access and refresh tokens. */
export async function signIn(server: BenchServer, emailOrUsername: string): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: loginBody(emailOrUsername),
  });
  if (res.status !== 200) throw new Error(`login of ${emailOrUsername}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { accessToken: string; refreshToken: string };
}

/** The body of a refresh-token exchange through the bench client. */
export function refreshBody(refreshToken: string): string {
  return JSON.stringify({ type: 'refresh_token', ...BENCH_CLIENT, withRefreshToken: { refreshToken } });
}
