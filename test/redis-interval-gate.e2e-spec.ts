import Redis from 'ioredis';
import { RedisIntervalGate } from '../src/rate-limit/redis-interval-gate';
import { createRedisClient } from '../src/redis/redis-client.factory';
import { eventually } from './support/poll';
import { deleteKeys, describeWithRedis, randomKeyPrefix, withRedisClient } from './support/redis';

describeWithRedis('the mail interval gate in Redis', (url) => {
  const prefix = randomKeyPrefix();
  const clients: Redis[] = [];
  /** A gate of its own client, as each instance has. */
  async function instance(): Promise<RedisIntervalGate> {
    const client = createRedisClient({ url, keyPrefix: prefix })!;
    clients.push(client);
    await client.connect();
    return new RedisIntervalGate(client);
  }
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await deleteKeys(url, prefix);
  });

  it('is shared by every instance: one claims, the others are refused until the interval is over, without extending it', async () => {
    const [a, b] = [await instance(), await instance()];
    expect(await a.claim('password-reset', 'shared@example.test', 400)).toBe(0);
    const left = await b.claim('password-reset', 'SHARED@example.test', 400);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(400);
    // Refused every 20 ms: if each refusal pushed the end back, no claim would ever succeed (eventually gives up).
    const next = await eventually(() => b.claim('password-reset', 'shared@example.test', 400), (wait) => wait === 0);
    expect(next).toBe(0);
  });

  it('writes its keys under REDIS_KEY_PREFIX with no e-mail address in them', async () => {
    const gate = await instance();
    await gate.claim('signup', 'private.person@example.test', 60_000);
    const keys = await withRedisClient(url, (redis) => redis.keys(`${prefix}*`));
    expect(keys).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${prefix}interval:signup:[0-9a-f]{64}$`))]));
    expect(keys.join(' ')).not.toContain('private.person');
  });
});
