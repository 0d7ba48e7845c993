import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { performance } from 'node:perf_hooks';
import { PasswordHasher } from './password-hasher';
import type { BcryptImplementation, BcryptResult, BcryptTask, BcryptWorkerData } from './bcrypt.worker';

/**
 * Where the worker's code is. Piscina needs a JavaScript file: in the compiled app that is the compiled
 * bcrypt.worker.js beside this file. When this file runs from the TypeScript sources (ts-jest, ts-node) there is
 * no such file, so the worker loads bcrypt.worker.ts through ts-node's transpiler (a dev dependency, never needed
 * by the compiled app).
 */
export function bcryptWorkerFile(): { filename: string; execArgv?: string[] } {
  const ext = extname(__filename);
  const filename = join(__dirname, `bcrypt.worker${ext}`);
  if (ext !== '.ts') return { filename };
  return { filename, execArgv: ['--require', require.resolve('ts-node/register/transpile-only')] };
}

/**
 * bcrypt on a pool of worker threads sized to the cores (`threads`), each at a lower OS priority than the event
 * loop by `niceIncrement` (HASH_THREAD_NICE; see thread-priority.ts). The implementations differ only in the bcrypt
 * the threads run (native-bcrypt.hasher.ts, bcryptjs-workers.hasher.ts).
 */
export abstract class BcryptWorkerPool extends PasswordHasher {
  private readonly pool: Piscina<BcryptTask, BcryptResult>;

  protected constructor(
    readonly cost: number,
    readonly threads: number,
    implementation: BcryptImplementation,
    niceIncrement: number,
  ) {
    super();
    const workerData: BcryptWorkerData = { implementation, niceIncrement };
    this.pool = new Piscina({ ...bcryptWorkerFile(), minThreads: threads, maxThreads: threads, workerData });
  }

  get waiting(): number {
    return this.pool.queueSize;
  }

  async hash(password: string): Promise<string> {
    return (await this.run({ op: 'hash', password, cost: this.cost })) as string;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    return (await this.run({ op: 'verify', password, hash })) as boolean;
  }

  /** The task on a worker; its time there (measured by the worker) is reported as if it had been measured here. */
  private async run(task: BcryptTask): Promise<string | boolean> {
    const { value, ms } = await this.pool.run(task);
    this.timed(task.op, performance.now() - ms);
    return value;
  }

  /**
   * Stops the threads once the hashes running on them are done; hashes still queued are refused (the HTTP server has
   * drained by now). Never `destroy()` with a hash running: terminating a thread inside native bcrypt makes
   * node-addon-api throw a C++ exception nothing catches, and the whole process aborts (SIGABRT, seen in the test
   * suite on Node 22 and 24) where a shutdown must exit cleanly. The threads load bcrypt at their first task, so a
   * thread that has run none holds no native code to interrupt (bcrypt.worker.ts).
   */
  override async close(): Promise<void> {
    // Piscina reports a close that outlasts its closeTimeout as an 'error' event (then stops the threads anyway).
    this.pool.once('error', () => undefined);
    await this.pool.close({ force: true });
  }
}
