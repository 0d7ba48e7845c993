import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { rawRequest, RawResponse } from './support/http-from';
import { waitFor } from './support/poll';
import { stopProcess, tcpConnect } from './support/processes';
import { passwordLogin, SYSTEM_CTX } from './support/seed';

const ROOT = join(__dirname, '..');

interface Built {
  child: ChildProcess;
  base: string;
  port: number;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The built service in its own process on a fresh SQLite file; `onOutput` sees its standard output as it comes. */
async function startBuilt(env: Record<string, string>, onOutput: (chunk: string) => void = () => undefined): Promise<Built> {
  const dir = process.env.GATEHOUSE_TEST_TMP as string;
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
    // Run from a scratch directory so no developer .env is read.
    cwd: dir,
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, `shutdown-${randomBytes(4).toString('hex')}.sqlite`)}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    out += chunk;
    onOutput(chunk);
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /Listening on (http:\/\/[^"\s]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`the service exited before listening:\n${out}`)));
  });
  return { child, base, port: Number(new URL(base).port), exit };
}

beforeAll(() => execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }), 180_000);

/**
 * The built service, as production runs it: SIGTERM during a slow request (a sign-in at bcrypt cost 13) lets that
 * request finish with its full answer, refuses new connections meanwhile, then the process exits with code 0.
 */
describe('SIGTERM on the built service', () => {
  let child: ChildProcess;
  let base = '';
  let port = 0;
  const events: string[] = [];
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    ({ child, base, port, exit } = await startBuilt({ BCRYPT_COST: '13' }, (chunk) => {
      if (/SIGTERM received/.test(chunk)) events.push('sigterm handled');
    }));
    const sync = await rawRequest(`${base}/api/users`, { method: 'PUT', headers: { 'x-user-ctx': SYSTEM_CTX }, body: { email: 'slow@example.test', password: 'Slow-login-pass1' } });
    expect(sync.status).toBe(200);
  }, 180_000);

  afterAll(() => stopProcess(child, 'SIGKILL'));

  it('finishes the in-flight sign-in, refuses new connections, and exits with code 0', async () => {
    let login: RawResponse | undefined;
    await new Promise<void>((onSent) => {
      void rawRequest(`${base}/api/auth/login`, { method: 'POST', body: passwordLogin('slow@example.test', 'Slow-login-pass1'), onSent }).then((r) => {
        events.push('login answered');
        login = r;
      });
    });
    // Sequencing, not timing: a request sent after the sign-in is answered only once the service has read the
    // sign-in (its bytes were there first) and handed it on to the bcrypt comparison, which runs off the main thread.
    expect((await rawRequest(`${base}/health/live`, { method: 'GET' })).status).toBe(200);
    child.kill('SIGTERM');
    await waitFor('the service to log the SIGTERM', () => events.includes('sigterm handled'));
    // Nest runs the modules' destroy hooks before it closes the listener: poll until connections are refused.
    await waitFor('new connections to be refused', async () => (await tcpConnect(port)) !== 'connected', { intervalMs: 10 });
    events.push(`new connection: ${await tcpConnect(port)}`);

    const { code, signal } = await exit;
    events.push('exited');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(login?.status).toBe(200);
    expect(login?.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), user: { email: 'slow@example.test' } });
    // The order proves the sign-in was still running when the signal came and the listener was already closed.
    expect(events).toEqual(['sigterm handled', 'new connection: ECONNREFUSED', 'login answered', 'exited']);
  }, 120_000);
});

/**
 * SHUTDOWN_DRAIN_DELAY: after SIGTERM the readiness probe fails at once while everything else is still served, so a
 * load balancer takes the instance out before its listener closes (docs/deploy.md); then it closes and exits 0.
 */
describe('SIGTERM with SHUTDOWN_DRAIN_DELAY on the built service', () => {
  let built: Built;
  beforeAll(async () => {
    built = await startBuilt({ SHUTDOWN_DRAIN_DELAY: '2s' });
  }, 60_000);
  afterAll(() => stopProcess(built.child, 'SIGKILL'));

  it('answers /health/ready 503 shutting down while still serving, then refuses connections and exits 0', async () => {
    const get = (path: string) => rawRequest(`${built.base}${path}`, { method: 'GET' });
    expect((await get('/health/ready')).status).toBe(200);
    built.child.kill('SIGTERM');
    await waitFor('readiness to fail', async () => (await get('/health/ready')).status === 503, { intervalMs: 10 });
    // Still within the drain: the probe says not ready, every other route still answers.
    const [ready, live, jwks] = await Promise.all([get('/health/ready'), get('/health/live'), get('/.well-known/jwks.json')]);
    expect({ ready: ready.status, code: ready.body.code, message: ready.body.message, live: live.status, jwks: jwks.status }).toEqual({
      ready: 503, code: 'not_ready', message: 'Not ready: shutting down', live: 200, jwks: 200,
    });
    await waitFor('new connections to be refused', async () => (await tcpConnect(built.port)) !== 'connected', { intervalMs: 20, timeoutMs: 30_000 });
    expect(await built.exit).toEqual({ code: 0, signal: null });
  }, 60_000);
});
