/** The part of the `bcrypt` package (6.x, prebuilt N-API binaries inside the package) used here. */
interface BcryptModule {
  hash(password: string, rounds: number): Promise<string>;
  compare(password: string, hash: string): Promise<boolean>;
  hashSync(password: string, rounds: number): string;
  compareSync(password: string, hash: string): boolean;
}

/** What the native hasher needs: declared here because `bcrypt` is an optional dependency. */
export interface NativeBcrypt {
  hash(password: string, options: { cost: number }): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  hashSync(password: string, options: { cost: number }): string;
  verifySync(password: string, hash: string): boolean;
}

/** `$2y$` (PHP's name) is the same algorithm as `$2b$`; the native binding knows only `$2a$`/`$2b$`. */
const asSupportedPrefix = (hash: string): string => (hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash);

/** Loads the native `bcrypt` binding and checks that its binary really works; throws with the reason when it does not. */
export function loadNativeBcrypt(): NativeBcrypt {
  const lib = require('bcrypt') as BcryptModule;
  const native: NativeBcrypt = {
    hash: (password, { cost }) => lib.hash(password, cost),
    verify: (password, hash) => lib.compare(password, asSupportedPrefix(hash)),
    hashSync: (password, { cost }) => lib.hashSync(password, cost),
    verifySync: (password, hash) => lib.compareSync(password, asSupportedPrefix(hash)),
  };
  if (!native.verifySync('self-test', native.hashSync('self-test', { cost: 4 }))) throw new Error('native bcrypt failed its self-test');
  return native;
}
