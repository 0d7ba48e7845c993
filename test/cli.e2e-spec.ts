import { calculateJwkThumbprint, JWK } from 'jose';
import { createPublicKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './support/cli';
import { describeEachDatabase, SQLITE, TestDatabase } from './support/databases';
import { writeRsaPrivateKey } from './support/keys';
import { passwordSignIn, signIn } from './support/sessions';
import { startAppOnDatabase, TestApp, useTestApp } from './support/test-app';
import { adminToken, newUser } from './support/users';

const PASSWORD = 'Cli-adm1n-passw0rd';

/**
 * `npm run cli -- <command>` on the configured database with no server running: the commands run first, on a
 * database the CLI migrates itself, then an app is started on it to check what they did.
 */
describeEachDatabase('the admin CLI on the database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await kind.create();
  });
  afterAll(() => db.drop());
  const cli = (args: string[], input?: string) => runCli(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'warn' }, input });

  it('create-admin: the password from standard input (never an argument), on an empty database, then it signs in as an admin', async () => {
    const run = await cli(['create-admin', 'Cli.Admin@Example.test', '--username', 'cli.admin'], `${PASSWORD}\n`);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Created admin cli\.admin@example\.test, user id \d+\n$/) });
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    const t = await startAppOnDatabase(db);
    try {
      const session = await signIn(t, 'cli.admin', PASSWORD);
      const me = await t.http().get('/api/users/me').set('authorization', `Bearer ${session.accessToken}`);
      expect(me.body).toMatchObject({ email: 'cli.admin@example.test', roles: ['admin'], createdBy: 'cli' });
    } finally {
      await t.close();
    }
  });


  it('users:unlock: lifts an admin lock, so the user signs in again; an unknown e-mail is exit code 1', async () => {
    let t: TestApp = await startAppOnDatabase(db);
    const user = await newUser(t, { prefix: 'unlocked' });
    try {
      const admin = await adminToken(t);
      expect((await t.http().post(`/api/users/${user.id}/lock`).set('authorization', `Bearer ${admin}`)).status).toBe(200);
      expect((await passwordSignIn(t, user.email, user.password)).status).toBe(423);
    } finally {
      await t.close();
    }
    const run = await cli(['users:unlock', user.email]);
    expect(run).toMatchObject({ code: 0, stdout: `Unlocked user ${user.id} (${user.email})\n` });
    expect(await cli(['users:unlock', 'nobody@example.test'])).toMatchObject({ code: 1, stderr: 'No user with the e-mail nobody@example.test\n' });
    t = await startAppOnDatabase(db);
    try {
      expect((await passwordSignIn(t, user.email, user.password)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

// Each run is a process that loads the whole app from the sources (seconds of CPU): the refusals on one database.
describe('the admin CLI: refusals [sqlite]', () => {
  const t = useTestApp(SQLITE);

  it('create-admin refuses a taken e-mail and a short password with one line and exit code 1, creating nothing', async () => {
    const taken = await newUser(t, { prefix: 'taken' });
    const cli = (args: string[], input: string) => runCli(args, { env: { DATABASE_URL: t.db.url, LOG_LEVEL: 'warn' }, input });
    expect(await cli(['create-admin', taken.email], 'Other-passw0rd-1')).toMatchObject({ code: 1, stderr: `A user with the e-mail ${taken.email} exists already\n` });
    expect(await cli(['create-admin', 'short@example.test'], 'Sh0rt')).toMatchObject({ code: 1, stderr: 'password must be at least 8 characters\n' });
    expect((await passwordSignIn(t, taken.email, 'Other-passw0rd-1')).status).toBe(401);
    expect((await passwordSignIn(t, 'short@example.test', 'Sh0rt')).status).toBe(401);
  });
});

describe('the admin CLI: signing keys (no database needed)', () => {
  const dir = process.env.GATEHOUSE_TEST_TMP as string;
  // No database is reachable here: keys:* must not try to connect.
  const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
    runCli(args, { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATABASE_CONNECT_TIMEOUT: '1s', ...env } });

  it('keys:generate writes an owner-only RSA key where asked, prints its kid and never the key', async () => {
    const out = join(dir, 'generated.pem');
    const run = await cli(['keys:generate', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^Generated ${out}\\nkid [\\w-]{43}\\n`)) });
    expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(run.stdout).not.toMatch(/PRIVATE KEY/);
  });

  it('keys:list names the configured keys, the signing one first, with the kid the JWKS publishes', async () => {
    const [first, second] = [join(dir, 'list-a.pem'), join(dir, 'list-b.pem')];
    writeRsaPrivateKey(first);
    writeRsaPrivateKey(second);
    const run = await cli(['keys:list'], { JWT_PRIVATE_KEY_FILE: undefined, JWT_PRIVATE_KEYS: `${first},${second}` });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^signs {3}/), expect.stringMatching(/^verifies/)]);
    const kid = (file: string) => calculateJwkThumbprint(createPublicKey(readFileSync(file, 'utf8')).export({ format: 'jwk' }) as JWK, 'sha256');
    expect(lines[0]).toContain(`${await kid(first)}  RSA-2048  ${first}`);
    expect(lines[1]).toContain(`${await kid(second)}  RSA-2048  ${second}`);
    expect(run.stdout).not.toMatch(/PRIVATE KEY/);
  });
});
