import { Logger } from '@nestjs/common';
import { FallbackIntervalGate } from './fallback-interval-gate';
import { IntervalGate, intervalKey } from './interval-gate';
import { MemoryIntervalGate } from './memory-interval-gate';

describe('MemoryIntervalGate', () => {
  afterEach(() => jest.useRealTimers());

  it('lets the first call claim the interval, refuses the others with the time left, and never extends it', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const gate = new MemoryIntervalGate();
    expect(await gate.claim('reset', 'ada@example.com', 60_000)).toBe(0);
    jest.advanceTimersByTime(59_000);
    // The same subject in any case or spacing; refused, and refusing does not push the end back.
    expect(await gate.claim('reset', ' ADA@example.com', 60_000)).toBe(1000);
    jest.advanceTimersByTime(1000);
    expect(await gate.claim('reset', 'ada@example.com', 60_000)).toBe(0);
  });

  it('keeps buckets and subjects apart', async () => {
    const gate = new MemoryIntervalGate();
    expect(await gate.claim('reset', 'ada@example.com', 60_000)).toBe(0);
    expect(await gate.claim('signup', 'ada@example.com', 60_000)).toBe(0);
    expect(await gate.claim('reset', 'bob@example.com', 60_000)).toBe(0);
  });

  it('forgets the least recently claimed subject beyond its cap', async () => {
    const gate = new MemoryIntervalGate(2);
    for (const who of ['a@x.test', 'b@x.test', 'c@x.test']) expect(await gate.claim('reset', who, 60_000)).toBe(0);
    expect(await gate.claim('reset', 'a@x.test', 60_000)).toBe(0);
    expect(await gate.claim('reset', 'c@x.test', 60_000)).toBeGreaterThan(0);
  });

  it('keys by a hash: no address in the key', () => {
    expect(intervalKey('reset', 'Ada@Example.com ')).toMatch(/^interval:reset:[0-9a-f]{64}$/);
    expect(intervalKey('reset', 'Ada@Example.com ')).toBe(intervalKey('reset', 'ada@example.com'));
  });
});

describe('FallbackIntervalGate', () => {
  it('uses the primary while it answers, and this instance memory (with a warning) when it fails', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let down = false;
    const primary: IntervalGate = { claim: async () => (down ? Promise.reject(new Error('ECONNREFUSED')) : 7) };
    const gate = new FallbackIntervalGate(primary, new MemoryIntervalGate());
    expect(await gate.claim('reset', 'ada@example.com', 60_000)).toBe(7);
    down = true;
    expect(await gate.claim('reset', 'ada@example.com', 60_000)).toBe(0);
    expect(await gate.claim('reset', 'ada@example.com', 60_000)).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Mail interval store unavailable (ECONNREFUSED)'));
    warn.mockRestore();
  });
});
