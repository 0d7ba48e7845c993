import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { PasswordHasher } from './password-hasher';
import type { BcryptTask } from './bcryptjs.worker';

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
  private readonly pool: Piscina<BcryptTask, string | boolean>;

  constructor(
    readonly cost: number,
    readonly threads: number,
  ) {
    super();
    this.pool = new Piscina({ ...bcryptWorkerFile(), minThreads: threads, maxThreads: threads });
  }

  async hash(password: string): Promise<string> {
    return (await this.pool.run({ op: 'hash', password, cost: this.cost })) as string;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    return (await this.pool.run({ op: 'verify', password, hash })) as boolean;
  }

  override async close(): Promise<void> {
    await this.pool.destroy();
  }
}
