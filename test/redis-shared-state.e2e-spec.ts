import { describeEachDatabase } from './support/databases';
import { deleteKeys, describeWithRedis, randomKeyPrefix, startPrivateRedis, withRedisClient } from './support/redis';
import { eventually } from './support/poll';
import { bearer, me, passwordSignIn } from './support/sessions';
import { HasHttp, startTestApp, TestApp, useTestApp } from './support/test-app';
import { twoInstances } from './support/two-instances';
import { adminToken, newSignedInUser, syncUser } from './support/users';

const THRESHOLD = 4;
const PER_ACCOUNT = 6;

const baseEnv = { LOCKOUT_THRESHOLD: String(THRESHOLD), LOGIN_RATE_LIMIT_ACCOUNT: String(PER_ACCOUNT), LOGIN_RATE_LIMIT_WINDOW: '1h' };

/** What ends a user's access, done through one instance (`via`) with an admin's token or the user's own. */
const ENDINGS: [string, (via: HasHttp, admin: string, user: { id: string; token: string }) => Promise<number>][] = [
  ['an admin lock', async (via, admin, user) => (await via.http().post(`/api/users/${user.id}/lock`).set('authorization', bearer(admin))).status],
  ['a deletion', async (via, admin, user) => (await via.http().delete(`/api/users/${user.id}`).set('authorization', bearer(admin))).status],
  ['a logout-all', async (via, _admin, user) => (await via.http().post('/api/auth/logout-all').set('authorization', bearer(user.token))).status],
];

/**
 * Ends a signed-in user's access through `via` once `other` has the user's row in its cache; returns how long
 * (ms, measured from the answer to the change) `other` went on accepting the user's token, or -1 if it still did
 * after `timeoutMs`.
 */
async function refusedAfter(via: HasHttp, other: HasHttp, admin: string, end: (typeof ENDINGS)[number][1], timeoutMs: number): Promise<number> {
  const user = await newSignedInUser(via, { prefix: 'ended' });
  const token = user.session.accessToken;
  expect((await me(other, token)).status).toBe(200);
  expect([200, 204]).toContain(await end(via, admin, { id: user.id, token }));
  const changed = performance.now();
  const status = await eventually(async () => (await me(other, token)).status, (s) => s === 401, { timeoutMs, intervalMs: 2 });
  return status === 401 ? Math.round(performance.now() - changed) : -1;
}

describeEachDatabase('two instances', (kind) => {
  describeWithRedis('sharing Redis', (redisUrl) => {
    const prefix = randomKeyPrefix();
    // A user row may be answered from the cache for a whole minute: only the invalidation can explain a quick refusal.
    const pair = twoInstances(kind, () => ({ ...baseEnv, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, USER_CACHE_TTL_MS: '60000' }));
    afterAll(() => deleteKeys(redisUrl, prefix));

    it.each(ENDINGS)('refuse on one instance a user whose access ended through the other (%s), long before USER_CACHE_TTL_MS', async (_what, end) => {
      const admin = await adminToken(pair.a);
      const delays = [await refusedAfter(pair.a, pair.b, admin, end, 5000), await refusedAfter(pair.b, pair.a, admin, end, 5000)];
      expect(delays.every((ms) => ms >= 0)).toBe(true);
      process.stdout.write(`invalidation over Redis, ${_what} [${kind.name}]: refused after ${delays.join(' ms, ')} ms\n`);
    });

    it(`lock the account at failure number ${THRESHOLD} when the failures are spread over both`, async () => {
      await syncUser(pair.a, { email: 'spread@example.test', password: 'Spread-passw0rd' });
      for (let i = 0; i < THRESHOLD; i++) {
        expect((await passwordSignIn(i % 2 === 0 ? pair.a : pair.b, 'spread@example.test', 'Wrong-passw0rd')).status).toBe(401);
      }
      expect((await passwordSignIn(pair.a, 'spread@example.test', 'Spread-passw0rd')).status).toBe(423);
      expect((await passwordSignIn(pair.b, 'spread@example.test', 'Spread-passw0rd')).status).toBe(423);
    });

    it(`share the per-account rate limit: attempt ${PER_ACCOUNT + 1} is refused whichever instance gets it`, async () => {
      for (let i = 0; i < PER_ACCOUNT; i++) {
        // 401, or 423 once past the lockout threshold (unknown e-mails are counted as real accounts are): not yet 429.
        expect([401, 423]).toContain((await passwordSignIn(i % 2 === 0 ? pair.a : pair.b, 'nobody@example.test', 'Wrong-passw0rd')).status);
      }
      const res = await passwordSignIn(pair.a, 'nobody@example.test', 'Wrong-passw0rd');
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    });

    it('keep their keys under REDIS_KEY_PREFIX, with no e-mail address in them', async () => {
      const keys = await withRedisClient(redisUrl, (redis) => redis.keys(`${prefix}*`));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(' ')).not.toMatch(/example\.test/);
    });
  });

  describe('each with its own memory state (no REDIS_URL)', () => {
    const pair = twoInstances(kind, () => ({ ...baseEnv, USER_CACHE_TTL_MS: '300' }));

    it('refuse a user locked through the other instance once USER_CACHE_TTL_MS has passed (the bound without Redis)', async () => {
      const admin = await adminToken(pair.a);
      const delay = await refusedAfter(pair.a, pair.b, admin, ENDINGS[0][1], 5000);
      expect(delay).toBeGreaterThanOrEqual(0);
      process.stdout.write(`without Redis, an admin lock [${kind.name}]: refused after ${delay} ms (USER_CACHE_TTL_MS=300)\n`);
    });

    it('do not lock when the same failures are spread over both: why Redis is needed with several instances', async () => {
      await syncUser(pair.a, { email: 'spread@example.test', password: 'Spread-passw0rd' });
      for (let i = 0; i < 2 * (THRESHOLD - 1); i++) {
        expect((await passwordSignIn(i % 2 === 0 ? pair.a : pair.b, 'spread@example.test', 'Wrong-passw0rd')).status).toBe(401);
      }
      expect((await passwordSignIn(pair.a, 'spread@example.test', 'Spread-passw0rd')).status).toBe(200);
    });
  });
});

describeEachDatabase('Redis unreachable', (kind) => {
  // Port 1: nothing listens there, so every Redis command fails at once.
  const t = useTestApp(kind, { ...baseEnv, REDIS_URL: 'redis://127.0.0.1:1', LOGIN_RATE_LIMIT_ACCOUNT: '100' });
  beforeAll(async () => {
    await syncUser(t, { email: 'offline@example.test', password: 'Offline-passw0rd' });
  });

  it('signs in as usual (no 500): the counters fall back to this instance’s memory', async () => {
    expect((await passwordSignIn(t, 'offline@example.test', 'Wrong-passw0rd')).status).toBe(401);
    expect((await passwordSignIn(t, 'offline@example.test', 'Offline-passw0rd')).status).toBe(200);
  });

  it('still locks the account at the threshold', async () => {
    for (let i = 0; i < THRESHOLD; i++) expect((await passwordSignIn(t, 'offline@example.test', 'Wrong-passw0rd')).status).toBe(401);
    expect((await passwordSignIn(t, 'offline@example.test', 'Offline-passw0rd')).status).toBe(423);
  });

  it('still rate-limits per account', async () => {
    const limited = await startTestApp(kind, { REDIS_URL: 'redis://127.0.0.1:1', LOGIN_RATE_LIMIT_ACCOUNT: '2' });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await passwordSignIn(limited, 'someone@example.test', 'Wrong-passw0rd')).status);
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('once closed, leaves no timer running that would keep the process alive', async () => {
    // ioredis's disconnect() arms a timer (disconnectTimeout) that a dead connection never clears; at its default of
    // 2 s it held every Jest worker that had closed such an app past its exit ("failed to exit gracefully").
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const closed = await startTestApp(kind, { REDIS_URL: 'redis://127.0.0.1:1' });
    expect((await passwordSignIn(closed, 'someone@example.test', 'Wrong-passw0rd')).status).toBe(401);
    await closed.close();
    expect(await eventually(timers, (n) => n <= before, { timeoutMs: 1000 })).toBeLessThanOrEqual(before);
  });
});

describeEachDatabase('Redis lost while running', (kind) => {
  let t: TestApp;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    if (redis) t = await startTestApp(kind, { ...baseEnv, REDIS_URL: redis.url, LOGIN_RATE_LIMIT_ACCOUNT: '100' });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('keeps answering 401 / 200 / 423 (never 500) once Redis dies, and still locks', async () => {
    if (!redis) throw new Error('redis-server is not installed: this test needs it to start and stop a Redis of its own');
    await syncUser(t, { email: 'midway@example.test', password: 'Midway-passw0rd' });
    expect((await passwordSignIn(t, 'midway@example.test', 'Wrong-passw0rd')).status).toBe(401);
    await redis.stop();
    expect((await passwordSignIn(t, 'midway@example.test', 'Midway-passw0rd')).status).toBe(200);
    for (let i = 0; i < THRESHOLD; i++) expect((await passwordSignIn(t, 'midway@example.test', 'Wrong-passw0rd')).status).toBe(401);
    expect((await passwordSignIn(t, 'midway@example.test', 'Midway-passw0rd')).status).toBe(423);
  });
});
