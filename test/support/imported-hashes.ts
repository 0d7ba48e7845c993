/**
 * Password hashes as other systems make them, for the import tests. Each is made by a library other than the one
 * Gatehouse verifies with (argon2: hash-wasm, a WebAssembly build of the reference implementation, where Gatehouse
 * uses @node-rs/argon2 (Rust); hash-wasm rather than the native `argon2` package, whose prebuilt binary crashes on
 * some Linux machines when its install script is not allowed to build it; scrypt and PBKDF2 by
 * node:crypto written out as PHC strings here) or was made outside Node altogether (the Django and passlib
 * fixtures: Python's hashlib, see the comment on each).
 */
import { argon2d, argon2i, argon2id } from 'hash-wasm';
import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';

/** PHC base64: standard alphabet, no padding. */
const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export type Argon2Type = 'argon2id' | 'argon2i' | 'argon2d';
const ARGON2 = { argon2id, argon2i, argon2d } as const;

/** argon2 in PHC form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) by hash-wasm. Small memory: tests stay fast. */
export function argon2Hash(password: string, type: Argon2Type = 'argon2id', memoryCost = 4096, timeCost = 2): Promise<string> {
  return ARGON2[type]({ password, salt: randomBytes(16), iterations: timeCost, parallelism: 1, memorySize: memoryCost, hashLength: 32, outputType: 'encoded' });
}

/**
 * The same hash with its parameters in node-argon2's order (`m=…,p=…,t=…`), which that widely used library writes:
 * PHC does not fix the order, so both spellings occur in the hashes people import.
 */
export const inNodeArgon2Order = (hash: string): string => hash.replace(/m=(\d+),t=(\d+),p=(\d+)/, 'm=$1,p=$3,t=$2');

/** scrypt in passlib's PHC form, `$scrypt$ln=…,r=…,p=…$salt$hash`, by node:crypto. */
export function scryptHash(password: string, log2N = 12, r = 8, p = 1): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** log2N, r, p, maxmem: 256 * 1024 * 1024 });
  return `$scrypt$ln=${log2N},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

/** PBKDF2 in PHC form, `$pbkdf2-<digest>$i=…$salt$hash`, by node:crypto. */
export function pbkdf2Hash(password: string, digest: 'sha1' | 'sha256' | 'sha512' = 'sha256', iterations = 1000): string {
  const salt = randomBytes(16);
  const key = pbkdf2Sync(password, salt, iterations, digest === 'sha1' ? 20 : digest === 'sha256' ? 32 : 64, digest);
  return `$pbkdf2-${digest}$i=${iterations}$${b64(salt)}$${b64(key)}`;
}

/**
 * Made with Python's hashlib, as Django's PBKDF2PasswordHasher does (the salt used as text, the hash in padded
 * base64):
 *   hashlib.pbkdf2_hmac('sha256', 'Dj4ngo-pässword'.encode(), b'Q7bCnM2kQ8xzV1Yp', 30000)
 */
export const DJANGO = {
  password: 'Dj4ngo-pässword',
  sha256: 'pbkdf2_sha256$30000$Q7bCnM2kQ8xzV1Yp$G1lan+MeLzdtZaawPryR/jD9oDRMMyN1sa4h5ACzYLQ=',
  sha1: 'pbkdf2_sha1$30000$Q7bCnM2kQ8xzV1Yp$IbyGiLJCVimzK8beHFlhf31dFCk=',
};

/**
 * passlib's forms (its "adapted" base64: `.` for `+`, no padding), made with Python's hashlib, salt bytes 0..15:
 *   hashlib.pbkdf2_hmac('sha512', b'Passl1b-secret', salt, 25000); hashlib.scrypt(b'Passl1b-secret', salt=salt, n=2**14, r=8, p=1, dklen=32)
 */
export const PASSLIB = {
  password: 'Passl1b-secret',
  pbkdf2Sha512: '$pbkdf2-sha512$25000$AAECAwQFBgcICQoLDA0ODw$EqAe0mvUxN9EhRhlX3bRnde6n5uVLv2GRhkIvn.rfx4RHRslO2acmlafrwivomlJc9RSpTBCbpbgEPP.DmV7CA',
  scrypt: '$scrypt$ln=14,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$wLWw7Mx4G/b2cYSSLrIsUs0ks41Fjd4rXFRuZOH9wB8',
};

/** Well-formed hashes whose parameters are over the bounds (never verified: refused before any work). */
export const OUT_OF_BOUNDS: { label: string; hash: string; reason: RegExp }[] = [
  { label: 'bcrypt cost 16', hash: `$2b$16$${'a'.repeat(53)}`, reason: /bcrypt cost must be 4–15/ },
  { label: 'argon2 m = 512 MiB', hash: `$argon2id$v=19$m=524288,t=3,p=1$${b64(Buffer.alloc(16, 1))}$${b64(Buffer.alloc(32, 2))}`, reason: /argon2 m/ },
  { label: 'argon2 t = 11', hash: `$argon2id$v=19$m=65536,t=11,p=1$${b64(Buffer.alloc(16, 1))}$${b64(Buffer.alloc(32, 2))}`, reason: /argon2 t must be 1–10/ },
  { label: 'scrypt N = 2^21', hash: `$scrypt$ln=21,r=1,p=1$${b64(Buffer.alloc(16, 1))}$${b64(Buffer.alloc(32, 2))}`, reason: /scrypt ln/ },
  { label: 'scrypt 1 GiB (N = 2^20, r = 8)', hash: `$scrypt$ln=20,r=8,p=1$${b64(Buffer.alloc(16, 1))}$${b64(Buffer.alloc(32, 2))}`, reason: /scrypt memory/ },
  { label: 'PBKDF2 10,000,001 iterations', hash: `$pbkdf2-sha256$i=10000001$${b64(Buffer.alloc(16, 1))}$${b64(Buffer.alloc(32, 2))}`, reason: /PBKDF2 iterations must be 1–10,000,000/ },
  { label: 'Django PBKDF2 50,000,000 iterations', hash: `pbkdf2_sha256$50000000$salt$${Buffer.alloc(32, 2).toString('base64')}`, reason: /PBKDF2 iterations/ },
];
