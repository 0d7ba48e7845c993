/** One counting window: how many so far, and when it ends (milliseconds since the epoch). */
export interface Window {
  count: number;
  endsAt: number;
}

/** A window to count in: its field, and its length in milliseconds (a window starts at its first count). */
export type WindowSpec = readonly [field: string, lengthMs: number];

/**
 * The lockout's counts, grouped by account: a scope is a user id, or `unknown:<sha256>` for an identifier that matches
 * no user, and its fields are the windows of that account (failures, attempts and locks, for the clients without a
 * device credential and for each device: see LockoutService). One scope is one Redis hash, so that everything the
 * lockout knows of an account is forgotten in one step (LockoutService.endAutomaticLock).
 */
export abstract class FailureCounter {
  /** Adds one to each window (starting any that has ended) and returns their counts, in order. */
  abstract increment(scope: string, windows: readonly WindowSpec[]): Promise<number[]>;
  /** The windows of `scope` that have not ended, by field. */
  abstract read(scope: string): Promise<Map<string, Window>>;
  /** Forgets `fields` of `scope`, or the whole scope. */
  abstract reset(scope: string, fields?: readonly string[]): Promise<void>;
}
