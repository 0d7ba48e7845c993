import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createPostgresDatabase, TestDatabase } from '../support/databases';
import { waitFor } from '../support/poll';
import { freePort } from '../support/processes';
import { deleteKeys, randomKeyPrefix } from '../support/redis';
import { bearer, me, passwordSignIn, signIn } from '../support/sessions';
import { HasHttp } from '../support/test-app';
import { newSignedInUser, newUser } from '../support/users';
import { httpOf, Instance, LoadBalancer, threeInstances } from './support/cluster';
import { failuresAround, runLoad, Sent } from './support/load';

const ROOT = join(__dirname, '..', '..');
const THRESHOLD = 4;
const PER_ACCOUNT = 8;
const ADMIN = { email: 'cluster.admin@example.test', password: 'Cluster-adm1n-passw0rd' };
/** What the note on this issue reports: requests failed during the kill, invalidation delays. */
const figures: Record<string, unknown> = {};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the cluster test needs PostgreSQL and Redis (see .ci/run)`);
  return value;
}

/** Three built instances on one PostgreSQL database and one Redis, behind HAProxy (docs/haproxy.cfg). */
describe('three Gatehouse instances behind HAProxy, on one PostgreSQL and one Redis', () => {
  const redisUrl = required('TEST_REDIS_URL');
  const prefix = randomKeyPrefix();
  let db: TestDatabase;
  let instances: Instance[];
  let lb: LoadBalancer;
  let pg: Client;
  const via = (i: Instance): HasHttp => httpOf(i.url);
  const query = async (sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows as Record<string, unknown>[];

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    db = await createPostgresDatabase(required('TEST_DATABASE_URL'), 'gh_cluster');
    instances = await threeInstances({
      DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'warn', TRUST_PROXY: '127.0.0.1/32',
      // Out of HAProxy's rotation before the listener closes: 2 failed checks 500 ms apart, and a margin.
      SHUTDOWN_DRAIN_DELAY: '1500ms',
      // A user row may be answered from the cache for a minute: only the invalidation over Redis explains a quick refusal.
      USER_CACHE_TTL_MS: '60000',
      LOCKOUT_THRESHOLD: String(THRESHOLD), LOGIN_RATE_LIMIT_ACCOUNT: String(PER_ACCOUNT), LOGIN_RATE_LIMIT_WINDOW: '1h', LOGIN_RATE_LIMIT_IP: '1000000',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, PASSWORD_HASHER_THREADS: '1',
    });
    // All three at once, as a deployment starts them: the migrations and the first admin must cope.
    await Promise.all(instances.map((i) => i.start()));
    lb = new LoadBalancer(await freePort(), await freePort(), instances);
    await lb.start();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  }, 300_000);

  afterAll(async () => {
    await pg?.end();
    await lb?.stop();
    for (const i of instances ?? []) await i.kill();
    await db?.drop();
    await deleteKeys(redisUrl, prefix);
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(join(ROOT, 'test-output', 'cluster.json'), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`cluster figures: ${JSON.stringify(figures)}\n`);
  });

  beforeEach(() => waitFor('every instance up in HAProxy', () => lb.allUp(), { timeoutMs: 60_000 }));

  it('start together, migrate once and create the first admin once; HAProxy checks each on /health/ready', async () => {
    expect(await lb.serverStates()).toEqual({ 'gatehouse-1': 'UP', 'gatehouse-2': 'UP', 'gatehouse-3': 'UP' });
    expect(await query(`SELECT email FROM users WHERE roles LIKE '%"admin"%'`)).toEqual([{ email: ADMIN.email }]);
    expect((await passwordSignIn(httpOf(lb.url), ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it(`lock an account at failure number ${THRESHOLD} when its failed passwords went to different instances`, async () => {
    const user = await newUser(httpOf(lb.url), { prefix: 'spread' });
    for (let n = 0; n < THRESHOLD; n++) expect((await passwordSignIn(via(instances[n % 3]), user.email, 'Wrong-passw0rd')).status).toBe(401);
    for (const i of instances) expect((await passwordSignIn(via(i), user.email, user.password)).status).toBe(423);
  });

  it(`refuse sign-in attempt ${PER_ACCOUNT + 1} for one account whichever instances the attempts went to`, async () => {
    const statuses = [];
    for (let n = 0; n <= PER_ACCOUNT; n++) statuses.push((await passwordSignIn(via(instances[n % 3]), 'limited@example.test', 'Wrong-passw0rd')).status);
    expect(statuses.slice(0, PER_ACCOUNT).every((s) => s === 401 || s === 423)).toBe(true);
    expect(statuses[PER_ACCOUNT]).toBe(429);
  });

  const ENDINGS: [string, (i: Instance, admin: string, user: { id: string; token: string }) => Promise<number>][] = [
    ['an admin lock', async (i, admin, u) => (await via(i).http().post(`/api/users/${u.id}/lock`).set('authorization', bearer(admin))).status],
    ['a deletion', async (i, admin, u) => (await via(i).http().delete(`/api/users/${u.id}`).set('authorization', bearer(admin))).status],
    ['a logout-all', async (i, _admin, u) => (await via(i).http().post('/api/auth/logout-all').set('authorization', bearer(u.token))).status],
  ];

  it.each(ENDINGS)('enforce %s made through one instance on the two others at once (Redis pub/sub), not after USER_CACHE_TTL_MS', async (what, end) => {
    const admin = (await signIn(httpOf(lb.url), ADMIN.email, ADMIN.password)).accessToken;
    const user = await newSignedInUser(via(instances[0]), { prefix: 'ended' });
    const token = user.session.accessToken;
    for (const i of instances) expect((await me(via(i), token)).status).toBe(200); // each has the row cached
    expect([200, 204]).toContain(await end(instances[0], admin, { id: user.id, token }));
    const changed = performance.now();
    const delays = await Promise.all(instances.slice(1).map(async (i) => {
      await waitFor(`${i.name} to refuse the token`, async () => (await me(via(i), token)).status === 401, { timeoutMs: 5000, intervalMs: 1 });
      return Math.round(performance.now() - changed);
    }));
    figures[`invalidation delay ms, ${what} (instances 2 and 3)`] = delays;
  });

  it('keep signing in, refreshing and syncing while one instance is SIGKILLed: only requests in flight on it fail, every answered write is stored', async () => {
    const log: Sent[] = [];
    let stop = () => undefined as void;
    const load = runLoad({ url: lb.url, workers: 6, log, runId: randomBytes(3).toString('hex'), until: new Promise<void>((r) => (stop = r)) });
    await waitFor('the load to flow', () => log.length >= 60, { timeoutMs: 60_000 });
    // The kill takes effect somewhere between the signal and the exit the test sees: both ends of that window count.
    const kill = { sent: performance.now(), exited: 0 };
    try {
      await instances[1].kill();
      kill.exited = performance.now();
      await lb.waitUntil('gatehouse-2', 'DOWN');
      const before = log.length;
      await waitFor('the load to go on', () => log.length >= before + 90, { timeoutMs: 60_000 });
    } finally {
      stop();
      await load;
      await instances[1].start();
    }
    const { failed, inFlight } = failuresAround(log, kill.sent, kill.exited);
    figures['SIGKILL under load'] = { requests: log.length, failed: failed.length, inFlightOnTheKill: inFlight.length, failures: failed.map((f) => `${f.kind} ${f.status || f.error}`) };
    expect(failed).toEqual(inFlight);
    expect(failed.length).toBeLessThanOrEqual(6);
    await expectStored(log);
  });

  it('lose no request in a rolling restart: SIGTERM one instance at a time (drained, then closed), start it again', async () => {
    const log: Sent[] = [];
    let stop = () => undefined as void;
    const load = runLoad({ url: lb.url, workers: 6, log, runId: randomBytes(3).toString('hex'), until: new Promise<void>((r) => (stop = r)) });
    await waitFor('the load to flow', () => log.length >= 30, { timeoutMs: 60_000 });
    const exitCodes = [];
    try {
      for (const i of instances) {
        exitCodes.push(await i.terminate());
        await i.start();
        await lb.waitUntil(i.name, 'UP');
        const before = log.length;
        await waitFor('the load to go on', () => log.length >= before + 30, { timeoutMs: 60_000 });
      }
    } finally {
      stop();
      await load;
    }
    expect(exitCodes).toEqual([0, 0, 0]);
    figures['rolling restart'] = { requests: log.length, failed: log.filter((s) => s.status !== 200).length };
    expect(log.filter((s) => s.status !== 200)).toEqual([]);
    await expectStored(log);
  });

  /** Every sync answered 200 created its user, and every refresh token handed out with a 200 is in the database. */
  async function expectStored(log: Sent[]): Promise<void> {
    const emails = log.filter((s) => s.kind === 'sync' && s.status === 200).map((s) => s.wrote as string);
    const tokens = log.filter((s) => s.kind !== 'sync' && s.status === 200).map((s) => createHash('sha256').update(s.wrote as string).digest('hex'));
    const users = await query('SELECT count(*)::int AS n FROM users WHERE email = ANY($1)', [emails]);
    const stored = await query('SELECT count(*)::int AS n FROM refresh_tokens WHERE "tokenHash" = ANY($1)', [tokens]);
    expect({ users: users[0].n, refreshTokens: stored[0].n }).toEqual({ users: emails.length, refreshTokens: tokens.length });
  }
});
