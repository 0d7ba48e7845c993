/** Counts consecutive failed passwords per account within a window that starts at the first failure. */
export abstract class FailureCounter {
  /** Adds one failure and returns the count in the current window. */
  abstract increment(key: string, windowMs: number): Promise<number>;
  abstract reset(key: string): Promise<void>;
}
