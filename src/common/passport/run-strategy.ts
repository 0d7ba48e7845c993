import type { Strategy } from 'passport';
import { passportFailure } from './passport-failure';

/** The hooks Passport adds to a strategy for one authentication (see passport/lib/middleware/authenticate.js). */
interface StrategyRun {
  authenticate(input: object, options: object): void;
  success(user: unknown): void;
  fail(challenge?: unknown): void;
  error(err: unknown): void;
  pass(): void;
  redirect(url: string): void;
}

/**
 * Runs one Passport strategy on `input` and resolves with what it verified, as Passport's own middleware does
 * (a fresh object whose prototype is the strategy, with the outcome hooks attached), but on the injected instance
 * and with a typed result: no lookup by name in Passport's process-wide registry (where the last application
 * started in a process would win), and nothing hung on the request for the caller to read back.
 * A failure (`fail`) becomes our 401 body through passportFailure; an `error` (ours, or the server's) passes through.
 */
export function runStrategy<T>(strategy: Strategy, input: object): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = Object.create(strategy) as StrategyRun;
    run.success = (user) => (user ? resolve(user as T) : reject(passportFailure(undefined, undefined)));
    run.fail = (challenge) => reject(passportFailure(undefined, challenge));
    run.error = (err) => reject(passportFailure(err, undefined));
    // Neither is meaningful for the strategies used here (no sessions, no redirects): refuse rather than hang.
    run.pass = () => reject(passportFailure(undefined, undefined));
    run.redirect = () => reject(passportFailure(undefined, undefined));
    run.authenticate(input, {});
  });
}
