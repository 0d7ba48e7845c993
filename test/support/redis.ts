import { randomBytes } from 'node:crypto';
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

/** Counts the keys under `prefix`. */
export async function countKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    return (await redis.keys(`${prefix}*`)).length;
  } finally {
    redis.disconnect();
  }
}
