import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createApp } from '../src/app.factory';
import { StartupError } from '../src/common/process/startup-error';
import { loadConfig } from '../src/config/load-config';
import { DatabaseKind, describeOnPostgres } from './support/databases';
import { freePort } from './support/processes';
import { syncUser } from './support/users';
import { TcpProxy } from './support/tcp-proxy';
import { startAppOnDatabase, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * src/main.ts as its own process (compiled on the fly, no build), from a scratch directory so that no developer .env
 * is read, until it exits. Every test here expects it to refuse to start, so it never listens.
 */
async function runMain(env: Record<string, string>): Promise<Exit> {
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'src/main.ts')], {
    cwd: process.env.GATEHOUSE_TEST_TMP,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('start-up failures, as an operator sees them', () => {
  it('a bad configuration: exit 1, one line per problem naming the variable, no stack, no value', async () => {
    const run = await runMain({
      BCRYPT_COST: '3',
      JWT_ISSUER: '',
      // Empty means unset: these no longer stop start-up (TRUST_PROXY= and GOOGLE_JWKS_URI= used to).
      TRUST_PROXY: '',
      GOOGLE_JWKS_URI: '',
      JWT_PRIVATE_KEY_FILE: '',
      JWT_PRIVATE_KEY: 'not-a-key-but-a-secret',
      DATABASE_URL: 'sqlite::memory:',
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).sort()).toEqual([
      '  BCRYPT_COST: must not be less than 4',
      '  JWT_ISSUER: must not be empty (unset it for the default, gatehouse)',
      '  JWT_PRIVATE_KEY: is not a PEM private key',
    ]);
    expect(run.stderr + run.stdout).not.toContain('not-a-key-but-a-secret');
  }, 60_000);

  it('a database that never appears: one log line per try, then exit 1 with one line, no credentials anywhere', async () => {
    const port = await freePort(); // nothing listens there
    const run = await runMain({
      DATABASE_URL: `postgres://gatehouse:db-pass-in-url@127.0.0.1:${port}/gatehouse`,
      DATABASE_CONNECT_TIMEOUT: '1s',
      LOG_LEVEL: 'info',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^DATABASE_URL: the database 127\\.0\\.0\\.1:${port}/gatehouse was still unreachable after 1000 ms \\(DATABASE_CONNECT_TIMEOUT\\), \\d+ attempts \\(connect ECONNREFUSED`)),
    ]);
    const tries = run.stdout
      .split('\n')
      .filter((l) => l.includes('unreachable'))
      .map((l) => JSON.parse(l) as { context: string; msg: string });
    expect(tries.length).toBeGreaterThanOrEqual(2);
    for (const t of tries) expect(t).toMatchObject({ context: 'Database', msg: expect.stringMatching(new RegExp(`^Database 127\\.0\\.0\\.1:${port}/gatehouse unreachable .*retrying in \\d+ ms$`)) });
    expect(run.stdout + run.stderr).not.toContain('db-pass-in-url');
  }, 60_000);
});

describeOnPostgres('a database that appears after the service starts', (kind: DatabaseKind) => {
  let t: TestApp;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  const lines: { context?: string; msg: string }[] = [];

  beforeAll(async () => {
    const db = await kind.create();
    drop = db.drop;
    const url = new URL(db.url);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    const port = await freePort();
    Object.assign(url, { hostname: '127.0.0.1', port: String(port), username: 'postgres', password: 'pw-in-url' });
    // The database "comes up" (the proxy starts listening) as soon as the first failed try is logged.
    let opened: Promise<void> | null = null;
    const destination = {
      write: (line: string) => {
        lines.push(JSON.parse(line) as { msg: string });
        if (!opened && line.includes('unreachable')) opened = proxy.start(port);
      },
    };
    t = await startAppOnDatabase({ url: url.toString(), drop }, { DATABASE_CONNECT_TIMEOUT: '30s', LOG_LEVEL: 'info' }, { logDestination: destination });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.cut();
    await drop?.();
  });

  it('waits, logging each failed try without the credentials, and connects once the database is there', async () => {
    const database = lines.filter((l) => l.context === 'Database');
    expect(database.length).toBeGreaterThanOrEqual(2);
    expect(database[0].msg).toMatch(/^Database 127\.0\.0\.1:\d+\/gh_test_\w+ unreachable \(connect ECONNREFUSED .*\), attempt 1; retrying in 250 ms$/);
    expect(database[database.length - 1].msg).toMatch(/^Database 127\.0\.0\.1:\d+\/gh_test_\w+ reachable after \d+ attempts$/);
    expect(JSON.stringify(lines)).not.toContain('pw-in-url');
    await expect(syncUser(t, { email: 'late-db@example.test', password: 'Late-db-pass1' })).resolves.toMatchObject({ email: 'late-db@example.test' });
  });

  it('stops at once, without waiting, when waiting cannot help (no such database)', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = `/gh_missing_${randomBytes(6).toString('hex')}`;
    const logged: string[] = [];
    const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT: '1h', LOG_LEVEL: 'info' }, { envFile: null });
    const started = createApp({ config, logger: false, logDestination: { write: (line: string) => void logged.push(line) } });
    const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    await expect(started).rejects.toThrow(new StartupError(`DATABASE_URL: cannot use the database ${where} (3D000: database "${url.pathname.slice(1)}" does not exist)`));
    expect(logged.filter((l) => l.includes('unreachable'))).toEqual([]);
  });
});
