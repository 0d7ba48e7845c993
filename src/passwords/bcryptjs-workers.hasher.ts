import { BcryptWorkerPool } from './bcrypt-worker-pool';

/** bcryptjs in a pool of worker threads: the always-available fallback to native bcrypt. */
export class BcryptjsWorkersHasher extends BcryptWorkerPool {
  readonly name = 'bcryptjs-workers';

  constructor(cost: number, threads: number, niceIncrement = 0) {
    super(cost, threads, 'bcryptjs', niceIncrement);
  }
}
