import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { performance } from 'node:perf_hooks';
import { PasswordHasher } from './password-hasher';
import type { BcryptResult, BcryptTask } from './bcryptjs.worker';

/**
 * Where the worker's code is. Piscina needs a JavaScript file: in the compiled app that is the compiled
 * bcryptjs.worker.js beside this file. When this file runs from the TypeScript sources (ts-jest, ts-node) there is
 * no such file, so the worker loads bcryptjs.worker.ts through ts-node's transpiler (a dev dependency, never needed
 * by the compiled app).
 */
export function bcryptWorkerFile(): { filename: string; execArgv?: string[] } {
  const ext = extname(__filename);
  const filename = join(__dirname, `bcryptjs.worker${ext}`);
  if (ext !== '.ts') return { filename };
  return { filename, execArgv: ['--require', require.resolve('ts-node/register/transpile-only')] };
}

/** bcryptjs in a pool of worker threads sized to the cores: the always-available fallback to native bcrypt. */
export class BcryptjsWorkersHasher extends PasswordHasher {
  readonly name = 'bcryptjs-workers';
  private readonly pool: Piscina<BcryptTask, BcryptResult>;

  constructor(
    readonly cost: number,
    readonly threads: number,
  ) {
    super();
    this.pool = new Piscina({ ...bcryptWorkerFile(), minThreads: threads, maxThreads: threads });
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

  override async close(): Promise<void> {
    await this.pool.destroy();
  }
}
