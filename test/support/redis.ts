import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { waitFor } from './poll';
import { freePort, stopProcess, tcpConnect } from './processes';
import { describeRequiring } from './skips';

/** The Redis the Redis suites use: TEST_REDIS_URL (or REDIS_URL, copied there by setup-env), or null. */
export function testRedisUrl(): string | null {
  return process.env.TEST_REDIS_URL || null;
}

/**
 * `describe` when a Redis is configured; without one the block is skipped by name with the reason (see skips.ts),
 * and REQUIRE_REDIS=1 (set by CI) turns that skip into a failure. `body` gets the URL (a placeholder when skipped:
 * a skipped block runs no hook and no test).
 */
export function describeWithRedis(title: string, body: (url: string) => void): void {
  const url = testRedisUrl();
  describeRequiring({ name: 'Redis', missing: url ? null : 'TEST_REDIS_URL not set', requireVar: 'REQUIRE_REDIS' }, title, () => body(url ?? 'redis://not-configured'));
}

/** A key prefix of its own per test: the Redis is shared, so nothing is ever flushed, only our keys deleted. */
export function randomKeyPrefix(): string {
  return `gatehouse-test:${randomBytes(6).toString('hex')}:`;
}

/** A connected client for the time of `use`, disconnected after (so no socket outlives the test). */
export async function withRedisClient<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined); // a refused connection is reported by connect(), not as an unhandled event
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    // On a connection that already ended, disconnect() would only arm ioredis's 2 s disconnectTimeout timer, which
    // nothing clears (ioredis#1318) and which keeps the test process alive.
    if (redis.status !== 'end') redis.disconnect();
  }
}

/** Deletes the keys under `prefix` (SCAN + DEL; never FLUSHALL). */
export function deleteKeys(url: string, prefix: string): Promise<void> {
  return withRedisClient(url, async (redis) => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  });
}

/** A Redis of our own (redis-server on a free port, nothing saved), for a test that stops it; null without the binary. */
export async function startPrivateRedis(): Promise<{ url: string; stop(): Promise<void> } | null> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let notStarted = false; // no redis-server binary: spawn reports an error instead of starting
  child.once('error', () => (notStarted = true));
  // A plain TCP probe: a refused ioredis connection would leave a 2 s timer behind (see withRedisClient).
  await waitFor(`redis-server on port ${port}`, async () => notStarted || (await tcpConnect(port)) === 'connected');
  if (notStarted) return null;
  return { url, stop: () => stopProcess(child, 'SIGKILL') };
}
