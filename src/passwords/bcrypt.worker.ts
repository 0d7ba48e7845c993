import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { BcryptjsHasher } from './bcryptjs.hasher';
import { loadNativeBcrypt, NativeBcrypt } from './native-bcrypt';
import { lowerThisThreadsPriority } from './thread-priority';

/** Which bcrypt a pool's threads run: the `bcrypt` package's binary, or bcryptjs (always loads). */
export type BcryptImplementation = 'native' | 'bcryptjs';

/** Given to every thread of a pool (see bcrypt-worker-pool.ts). */
export interface BcryptWorkerData {
  implementation: BcryptImplementation;
  /** How much lower than the event loop's this thread's OS priority is (nice increment; 0: the same). */
  niceIncrement: number;
}

/** One task for the bcrypt worker pool. */
export type BcryptTask =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'verify'; password: string; hash: string };

/** The answer, and how long the worker spent on it (the time the task waited in the queue is not in it). */
export interface BcryptResult {
  value: string | boolean;
  ms: number;
}

const data = workerData as BcryptWorkerData;
lowerThisThreadsPriority(data.niceIncrement);
/**
 * Loaded at this thread's first task, not when the thread starts: native code then only ever runs inside a task,
 * and the pool's close() lets running tasks finish before it stops the threads. Loading bcrypt in a thread that is
 * being terminated (an app closed while its hashing threads were still starting) aborts the whole process: the
 * addon's init sets its exports through N-API, which refuses once termination is pending, and node-addon-api (built
 * with C++ exceptions, as bcrypt is) then fails to throw that to JavaScript and rethrows from its own handler, where
 * nothing catches it ("terminate called after throwing an instance of 'Napi::Error'", SIGABRT; seen in the test
 * suite on Node 22 and 24; node-addon-api's ThrowAsJavaScriptException).
 */
let native: NativeBcrypt | null | undefined;
const nativeBcrypt = (): NativeBcrypt | null => (native ??= data.implementation === 'native' ? loadNativeBcrypt() : null);

/**
 * Runs inside a worker thread, where blocking is what we want: the event loop of the main thread stays free. The
 * synchronous calls keep the whole hash on this thread, the one whose priority was lowered above (native bcrypt's
 * asynchronous calls would run it on libuv's thread pool instead, at the event loop's priority).
 */
export default function runBcryptTask(task: BcryptTask): Promise<BcryptResult> | BcryptResult {
  const bcrypt = nativeBcrypt();
  const startedAt = performance.now();
  if (!bcrypt) return viaBcryptjs(task, startedAt);
  let value: string | boolean;
  try {
    value = task.op === 'hash' ? bcrypt.hashSync(task.password, { cost: task.cost }) : bcrypt.verifySync(task.password, task.hash);
  } catch (e) {
    if (task.op === 'hash') throw e;
    value = false; // a malformed stored hash never verifies, and never becomes a 500
  }
  return { value, ms: performance.now() - startedAt };
}

async function viaBcryptjs(task: BcryptTask, startedAt: number): Promise<BcryptResult> {
  // The cost of a verification comes from the stored hash; the hasher's own cost is not used.
  const value = task.op === 'hash' ? await new BcryptjsHasher(task.cost).hash(task.password) : await new BcryptjsHasher(4).verify(task.password, task.hash);
  return { value, ms: performance.now() - startedAt };
}
