import { Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { FallbackThrottlerStorage } from './fallback-throttler.storage';

describe('FallbackThrottlerStorage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('uses the primary store while it answers', async () => {
    const record = { totalHits: 7, timeToExpire: 10, isBlocked: false, timeToBlockExpire: 0 };
    const storage = new FallbackThrottlerStorage({ increment: async () => record }, new ThrottlerStorageService());
    await expect(storage.increment('k', 60_000, 5, 60_000, 'login-ip')).resolves.toBe(record);
  });

  it('limits in memory when the primary store fails, instead of failing the request', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const dead: ThrottlerStorage = { increment: () => Promise.reject(new Error('ECONNREFUSED')) };
    const memory = new ThrottlerStorageService();
    const storage = new FallbackThrottlerStorage(dead, memory);
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await storage.increment('k', 60_000, 2, 60_000, 'login-ip')).isBlocked);
    expect(results).toEqual([false, false, true]);
    memory.onApplicationShutdown();
  });
});
