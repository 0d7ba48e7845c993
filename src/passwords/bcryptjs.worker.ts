import { performance } from 'node:perf_hooks';
import { BcryptjsHasher } from './bcryptjs.hasher';

/** One task for the bcryptjs worker pool (see bcryptjs-workers.hasher.ts). */
export type BcryptTask =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'verify'; password: string; hash: string };

/** The answer, and how long the worker spent on it (the time the task waited in the queue is not in it). */
export interface BcryptResult {
  value: string | boolean;
  ms: number;
}

/** Runs inside a worker thread, where blocking is what we want: the event loop of the main thread stays free. */
export default async function runBcryptTask(task: BcryptTask): Promise<BcryptResult> {
  const startedAt = performance.now();
  // The cost of a verification comes from the stored hash; the hasher's own cost is not used.
  const value = task.op === 'hash' ? await new BcryptjsHasher(task.cost).hash(task.password) : await new BcryptjsHasher(4).verify(task.password, task.hash);
  return { value, ms: performance.now() - startedAt };
}
