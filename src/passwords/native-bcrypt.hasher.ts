import { Semaphore } from 'async-mutex';
import { PasswordHasher } from './password-hasher';

/** The part of @node-rs/bcrypt 2.x used here (declared locally: the package is an optional dependency). */
export interface NodeRsBcrypt {
  hash(password: string, options: { cost: number }): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  hashSync(password: string, options: { cost: number }): string;
  verifySync(password: string, hash: string): boolean;
}

/** Loads @node-rs/bcrypt and checks that its binary really works; throws with the reason when it does not. */
export function loadNodeRsBcrypt(): NodeRsBcrypt {
  const lib = require('@node-rs/bcrypt') as NodeRsBcrypt;
  if (!lib.verifySync('self-test', lib.hashSync('self-test', { cost: 4 }))) throw new Error('@node-rs/bcrypt failed its self-test');
  return lib;
}

/**
 * Native bcrypt (Rust, prebuilt binaries): hashes on libuv's thread pool, never on the event loop. At most `threads`
 * hashes run at once, so bcrypt neither oversubscribes the cores nor fills the thread pool that file and DNS work
 * also need.
 */
export class NativeBcryptHasher extends PasswordHasher {
  readonly name = 'native (@node-rs/bcrypt)';
  private readonly slots: Semaphore;

  constructor(
    readonly cost: number,
    readonly threads: number,
    private readonly lib: NodeRsBcrypt,
  ) {
    super();
    this.slots = new Semaphore(threads);
  }

  hash(password: string): Promise<string> {
    return this.slots.runExclusive(() => this.lib.hash(password, { cost: this.cost }));
  }

  async verify(password: string, hash: string): Promise<boolean> {
    try {
      return await this.slots.runExclusive(() => this.lib.verify(password, hash));
    } catch {
      return false; // a malformed stored hash never verifies, and never becomes a 500
    }
  }
}
