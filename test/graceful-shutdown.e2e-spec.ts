import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { CLIENT, SYSTEM_CTX } from './support/seed';

const ROOT = join(__dirname, '..');

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

function send(base: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}, onSent?: () => void): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.on('finish', () => onSent?.());
    req.end(JSON.stringify(body));
  });
}

/** Resolves with the error code of a TCP connection attempt ('connected' if it was accepted). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

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
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const dir = process.env.GATEHOUSE_TEST_TMP as string;
    child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
      // Run from a scratch directory so no developer .env is read.
      cwd: dir,
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, `shutdown-${randomBytes(4).toString('hex')}.sqlite`)}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', BCRYPT_COST: '13' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (/SIGTERM received/.test(chunk)) events.push('sigterm handled');
    });
    base = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', () => {
        const m = /Listening on (http:\/\/[^"\s]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`the service exited before listening:\n${out}`)));
    });
    port = Number(new URL(base).port);
    const sync = await send(base, 'PUT', '/api/users', { email: 'slow@example.test', password: 'Slow-login-pass1' }, { 'x-user-ctx': SYSTEM_CTX });
    expect(sync.status).toBe(200);
  }, 180_000);

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('finishes the in-flight sign-in, refuses new connections, and exits with code 0', async () => {
    const sent = new Promise<void>((resolve) => {
      void send(base, 'POST', '/api/auth/login', { type: 'password', ...CLIENT, withPassword: { emailOrUsername: 'slow@example.test', password: 'Slow-login-pass1' } }, {}, resolve).then((r) => {
        events.push('login answered');
        login = r;
      });
    });
    let login: Reply | undefined;
    await sent;
    // Let the service read the request and start the bcrypt comparison (sequencing only, nothing is timed).
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    while (!events.includes('sigterm handled')) await new Promise((r) => setTimeout(r, 20));
    // Nest runs the modules' destroy hooks before it closes the listener: poll until connections are refused.
    for (let attempt = 0; attempt < 500 && (await tryConnect(port)) === 'connected'; attempt++) await new Promise((r) => setTimeout(r, 10));
    events.push(`new connection: ${await tryConnect(port)}`);

    const { code, signal } = await exit;
    events.push('exited');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(login?.status).toBe(200);
    expect(login?.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), user: { email: 'slow@example.test' } });
    // The order proves the sign-in was still running when the signal came and the listener was already closed.
    expect(events).toEqual(['sigterm handled', 'new connection: ECONNREFUSED', 'login answered', 'exited']);
  }, 120_000);
});
