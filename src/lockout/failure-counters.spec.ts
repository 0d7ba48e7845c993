import { Logger } from '@nestjs/common';
import { FailureCounter, Window } from './failure-counter';
import { FallbackFailureCounter } from './fallback-failure-counter';
import { MemoryFailureCounter } from './memory-failure-counter';

class DeadCounter extends FailureCounter {
  increment(): Promise<number[]> {
    return Promise.reject(new Error("Stream isn't writeable"));
  }
  read(): Promise<Map<string, Window>> {
    return Promise.reject(new Error("Stream isn't writeable"));
  }
  reset(): Promise<void> {
    return Promise.reject(new Error("Stream isn't writeable"));
  }
}

/** One window `f` of one scope, as the counters were counted before they had fields. */
const once = async (counter: FailureCounter, scope: string, lengthMs: number) => (await counter.increment(scope, [['f', lengthMs]]))[0];

describe('failure counters', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('memory: counts within the window, starts over after it and after a reset', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const counter = new MemoryFailureCounter(1000);
    expect(await once(counter, 'u1', 1000)).toBe(1);
    expect(await once(counter, 'u1', 1000)).toBe(2);
    expect(await once(counter, 'u2', 1000)).toBe(1);
    jest.setSystemTime(1_000_999);
    expect(await once(counter, 'u1', 1000)).toBe(3);
    jest.setSystemTime(1_001_000);
    expect(await once(counter, 'u1', 1000)).toBe(1);
    await counter.reset('u1');
    expect(await once(counter, 'u1', 1000)).toBe(1);
  });

  it('memory: counts several windows of a scope at once, each on its own length; reads and resets them by field', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const counter = new MemoryFailureCounter(1000);
    expect(await counter.increment('u1', [['failures', 10_000], ['attempts', 1000]])).toEqual([1, 1]);
    jest.setSystemTime(1_001_000);
    expect(await counter.increment('u1', [['failures', 10_000], ['attempts', 1000]])).toEqual([2, 1]);
    expect(await counter.read('u1')).toEqual(new Map([['failures', { count: 2, endsAt: 1_010_000 }], ['attempts', { count: 1, endsAt: 1_002_000 }]]));
    await counter.reset('u1', ['failures']);
    expect([...(await counter.read('u1')).keys()]).toEqual(['attempts']);
    jest.setSystemTime(1_002_000);
    expect(await counter.read('u1')).toEqual(new Map());
    expect(await counter.read('nobody')).toEqual(new Map());
  });

  it('memory: holds at most its cap under a spray of made-up identifiers, and keeps counting a live key', async () => {
    const cap = 1000;
    const counter = new MemoryFailureCounter(cap);
    let failures = 0;
    for (let i = 0; i < cap * 5; i++) {
      // A guesser on a real account, one attempt per 100 made-up names: counted all along, never pushed out.
      if (i % 100 === 0) expect(await once(counter, 'u1', 60_000)).toBe(++failures);
      await once(counter, `unknown:${i}`, 900_000);
      expect(counter.size).toBeLessThanOrEqual(cap);
    }
    expect(counter.size).toBe(cap);
    expect(await once(counter, 'u1', 60_000)).toBe(failures + 1);
    expect(await once(counter, `unknown:${cap * 5 - 1}`, 900_000)).toBe(2);
    // The least recently counted went first: the earliest made-up names start over.
    expect(await once(counter, 'unknown:0', 900_000)).toBe(1);
  });

  it('fallback: keeps counting in memory while the primary store fails, and warns', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const counter = new FallbackFailureCounter(new DeadCounter(), new MemoryFailureCounter(1000));
    expect(await once(counter, 'u1', 60_000)).toBe(1);
    expect(await once(counter, 'u1', 60_000)).toBe(2);
    expect((await counter.read('u1')).get('f')?.count).toBe(2);
    await expect(counter.reset('u1')).resolves.toBeUndefined();
    expect(await once(counter, 'u1', 60_000)).toBe(1);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining("Stream isn't writeable"));
  });
});
