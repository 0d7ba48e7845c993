import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import Redis from 'ioredis';

/**
 * The Redis the Redis suites use: TEST_REDIS_URL (or REDIS_URL, copied there by setup-env). Without one those
 * suites are reported as skipped; REQUIRE_REDIS=1 (set by CI) turns that skip into a failure.
 */
export function testRedisUrl(): string | null {
  const url = process.env.TEST_REDIS_URL || null;
  if (!url && process.env.REQUIRE_REDIS === '1') {
    throw new Error('REQUIRE_REDIS=1 but TEST_REDIS_URL is not set: the Redis suites would be skipped');
  }
  return url;
}

/** A key prefix of its own per test: the Redis is shared, so nothing is ever flushed, only our keys deleted. */
export function randomKeyPrefix(): string {
  return `gatehouse-test:${randomBytes(6).toString('hex')}:`;
}

/** Deletes the keys under `prefix` (SCAN + DEL; never FLUSHALL). */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A Redis of our own (redis-server on a free port, nothing saved), for a test that stops it; null without the binary. */
export async function startPrivateRedis(): Promise<{ url: string; stop(): Promise<void> } | null> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = await Promise.race([once(child, 'error').then(() => true), waitForPing(port).then(() => false)]);
  if (failed) return null;
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitForPing(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      redis.disconnect();
    }
  }
  throw new Error(`redis-server on port ${port} did not answer`);
}
