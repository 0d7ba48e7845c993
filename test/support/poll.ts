/**
 * Waiting for time-dependent behaviour without sleeping a fixed time on the real clock: a condition is looked at
 * again every few milliseconds until it holds or a deadline passes. A test so waits only as long as the behaviour
 * takes (a configured duration of a few hundred ms), and never more than POLL_INTERVAL_MS between two looks.
 */
export const POLL_INTERVAL_MS = 20;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface PollOptions {
  /** Give up after this long (the caller's expectation then fails on the last value seen). */
  timeoutMs?: number;
  intervalMs?: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until `accept` holds for what it returns, or the deadline passes; returns the last value either
 * way, so the test's own expectation on it passes, or fails showing what was seen last (no assertion is hidden here).
 */
export async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = POLL_INTERVAL_MS } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() >= deadline) return value;
    await pause(intervalMs);
  }
}

/** For sequencing (not for what a test proves): waits until `condition` holds, and throws naming `what` if it never does. */
export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, options: PollOptions = {}): Promise<void> {
  if (!(await eventually(condition, (ok) => ok, options))) {
    throw new Error(`timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms waiting for ${what}`);
  }
}

/** Until the clock has passed `time`: for a configured duration that only the next request can observe. */
export function clockPasses(time: Date | number): Promise<void> {
  const at = typeof time === 'number' ? time : time.getTime();
  return waitFor(`the clock to pass ${new Date(at).toISOString()}`, () => Date.now() > at, { timeoutMs: Math.max(0, at - Date.now()) + 5_000 });
}
