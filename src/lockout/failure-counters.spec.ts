import { Logger } from '@nestjs/common';
import { FailureCounter } from './failure-counter';
import { FallbackFailureCounter } from './fallback-failure-counter';
import { MemoryFailureCounter } from './memory-failure-counter';

class DeadCounter extends FailureCounter {
  increment(): Promise<number> {
    return Promise.reject(new Error("Stream isn't writeable"));
  }
  reset(): Promise<void> {
    return Promise.reject(new Error("Stream isn't writeable"));
  }
}

describe('failure counters', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('memory: counts within the window, starts over after it and after a reset', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const counter = new MemoryFailureCounter();
    expect(await counter.increment('u1', 1000)).toBe(1);
    expect(await counter.increment('u1', 1000)).toBe(2);
    expect(await counter.increment('u2', 1000)).toBe(1);
    jest.setSystemTime(1_000_999);
    expect(await counter.increment('u1', 1000)).toBe(3);
    jest.setSystemTime(1_001_000);
    expect(await counter.increment('u1', 1000)).toBe(1);
    await counter.reset('u1');
    expect(await counter.increment('u1', 1000)).toBe(1);
  });

  it('fallback: keeps counting in memory while the primary store fails, and warns', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const counter = new FallbackFailureCounter(new DeadCounter(), new MemoryFailureCounter());
    expect(await counter.increment('u1', 60_000)).toBe(1);
    expect(await counter.increment('u1', 60_000)).toBe(2);
    await expect(counter.reset('u1')).resolves.toBeUndefined();
    expect(await counter.increment('u1', 60_000)).toBe(1);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining("Stream isn't writeable"));
  });
});
