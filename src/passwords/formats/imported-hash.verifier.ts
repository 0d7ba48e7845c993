import { verify as verifyArgon2 } from '@node-rs/argon2';
import { pbkdf2, scrypt, timingSafeEqual } from 'node:crypto';
import { StoredHash } from './parsed-hash';

export type ImportedHash = Exclude<StoredHash, { format: 'bcrypt' }>;

/**
 * Checks a password against an imported (non-bcrypt) hash, off the event loop: argon2 in @node-rs/argon2's native
 * code on libuv's thread pool, scrypt and PBKDF2 in node:crypto's asynchronous functions, which run there too.
 * The hash must have been parsed (and so bounded) by parseStoredHash first.
 */
export function verifyImported(hash: ImportedHash, password: string): Promise<boolean> {
  switch (hash.format) {
    case 'argon2':
      return verifyArgon2(hash.encoded, password);
    case 'scrypt':
      return derivedMatches(hash.key, (done) => {
        const [N, r, p] = [2 ** hash.log2N, hash.blockSize, hash.parallelism];
        // OpenSSL's own ceiling (maxmem, 32 MiB by default) set to what these parameters need: the bounds already
        // capped that at 256 MiB.
        const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
        scrypt(password, hash.salt, hash.key.length, { N, r, p, maxmem }, done);
      });
    case 'pbkdf2':
      return derivedMatches(hash.key, (done) => pbkdf2(password, hash.salt, hash.iterations, hash.key.length, hash.digest, done));
  }
}

type Derive = (done: (error: Error | null, key: Buffer) => void) => void;

/** Derives a key and compares it with the stored one in constant time. */
function derivedMatches(expected: Buffer, derive: Derive): Promise<boolean> {
  return new Promise((resolve, reject) => derive((error, key) => (error ? reject(error) : resolve(timingSafeEqual(key, expected)))));
}
