import { describeEachDatabase } from './support/databases';
import { deleteKeys, describeWithRedis, randomKeyPrefix, startPrivateRedis, withRedisClient } from './support/redis';
import { eventually } from './support/poll';
import { passwordSignIn } from './support/sessions';
import { startTestApp, TestApp, useTestApp } from './support/test-app';
import { twoInstances } from './support/two-instances';
import { syncUser } from './support/users';

const THRESHOLD = 4;
const PER_ACCOUNT = 6;

const baseEnv = { LOCKOUT_THRESHOLD: String(THRESHOLD), LOGIN_RATE_LIMIT_ACCOUNT: String(PER_ACCOUNT), LOGIN_RATE_LIMIT_WINDOW: '1h' };

describeEachDatabase('two instances', (kind) => {
  describeWithRedis('sharing Redis', (redisUrl) => {
    const prefix = randomKeyPrefix();
    const pair = twoInstances(kind, () => ({ ...baseEnv, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }));
    afterAll(() => deleteKeys(redisUrl, prefix));

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
    const pair = twoInstances(kind, () => ({ ...baseEnv }));

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
