import { BcryptWorkerPool } from './bcrypt-worker-pool';

/**
 * Native bcrypt (the `bcrypt` package: C++, prebuilt binaries), called synchronously on a pool of worker threads,
 * never on the event loop. Not its asynchronous API: that runs on libuv's thread pool, whose threads run at the
 * event loop's priority (and which file and DNS work also need). At most `threads` hashes run at once.
 * The caller checks first that the binary loads (loadNativeBcrypt in native-bcrypt.ts); each thread loads it again.
 */
export class NativeBcryptHasher extends BcryptWorkerPool {
  readonly name = 'native (bcrypt)';

  constructor(cost: number, threads: number, niceIncrement = 0) {
    super(cost, threads, 'native', niceIncrement);
  }
}
