import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConfig } from '../config/redis.config';
import { throttledWarning } from './throttled-warning';

/**
 * The shared client. Commands fail at once while Redis is unreachable (no offline queue, one retry, short
 * timeouts) instead of queueing: a login must never wait on a dead Redis. Callers decide what a failure means
 * (see FallbackThrottlerStorage and FallbackFailureCounter). The client keeps reconnecting in the background.
 */
export function createRedisClient(config: RedisConfig, logger = new Logger('Redis')): Redis | null {
  if (!config.url) return null;
  const client = new Redis(config.url, {
    keyPrefix: config.keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // How long disconnect() gives the socket to close before destroying it (default 2 s). ioredis arms that timer
    // even when the connection is already gone (Redis unreachable or lost), where nothing clears it, so an app
    // closed then kept its process alive 2 s longer (ioredis#1318 added the timer). 200 ms still lets a live
    // connection close cleanly.
    disconnectTimeout: 200,
  });
  const warn = throttledWarning(logger);
  client.on('error', (e: Error) => warn(`Redis unreachable (${e.message}); falling back to per-instance memory state until it is back`));
  return client;
}
