import { BcryptjsHasher } from './bcryptjs.hasher';

/** One task for the bcryptjs worker pool (see bcryptjs-workers.hasher.ts). */
export type BcryptTask =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'verify'; password: string; hash: string };

/** Runs inside a worker thread, where blocking is what we want: the event loop of the main thread stays free. */
export default function runBcryptTask(task: BcryptTask): Promise<string | boolean> {
  if (task.op === 'hash') return new BcryptjsHasher(task.cost).hash(task.password);
  // The cost of a verification comes from the stored hash; the hasher's own cost is not used.
  return new BcryptjsHasher(4).verify(task.password, task.hash);
}
