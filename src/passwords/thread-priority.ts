import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the OS priority (raises the nice value) of the calling thread by `increment`, at most to 19.
 *
 * Why: the hashing threads and the event loop compete for the same cores. At equal priority a request waiting on
 * the event loop (a token-checked read, the rest of a sign-in) queues behind a ~60 ms bcrypt run. At a higher nice
 * value the scheduler hands the core to the event loop whenever it has work, and hashing takes the rest, so
 * hashing throughput is unchanged when the event loop is idle.
 *
 * On Linux `setPriority(0, …)` / `getPriority(0)` act on the calling thread only (setpriority(2) with who = 0 on a
 * thread applies to that task: threads are tasks; see the NOTES of setpriority(2)); thread-priority.spec.ts checks it
 * in /proc. Elsewhere it may apply to the whole process, so it is done on Linux only. Lowering one's own priority
 * needs no privilege; a failure (a sandbox forbidding it) leaves the thread at its priority, which is only slower.
 */
export function lowerThisThreadsPriority(increment: number): void {
  if (increment <= 0 || process.platform !== 'linux') return;
  try {
    setPriority(0, Math.min(19, getPriority(0) + increment));
  } catch {
    // Not fatal: the hashing still happens, at the event loop's priority.
  }
}
