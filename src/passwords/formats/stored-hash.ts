import { bcryptCost } from '../bcrypt-cost';
import { parseArgon2 } from './argon2-format';
import { HASH_BOUNDS, outside } from './hash-bounds';
import { parseDjangoPbkdf2, parsePhcPbkdf2 } from './pbkdf2-format';
import { accept, ParsedHash, refuse } from './parsed-hash';
import { parseScrypt } from './scrypt-format';

/** The formats, as a 400 lists them. */
export const ACCEPTED_FORMATS =
  'bcrypt ($2a$, $2b$, $2y$; cost 4–15), argon2id/argon2i/argon2d in PHC form ($argon2id$v=19$m=…,t=…,p=…$salt$hash; ' +
  'm ≤ 262144 KiB, t ≤ 10), scrypt in PHC form ($scrypt$ln=…,r=…,p=…$salt$hash; N ≤ 2^20), PBKDF2 in PHC form ' +
  '($pbkdf2-sha256$i=…$salt$hash; sha1, sha256 or sha512) or Django form (pbkdf2_sha256$iterations$salt$hash; ' +
  'iterations ≤ 10,000,000)';

const PARSERS = [parseBcrypt, parseArgon2, parseScrypt, parsePhcPbkdf2, parseDjangoPbkdf2];

/**
 * Reads a stored or imported password hash. Each parser answers null when the hash is not of its family, a refusal
 * when it is but is malformed or out of bounds (HASH_BOUNDS), or the parsed hash.
 */
export function parseStoredHash(hash: string): ParsedHash {
  if (hash.length > HASH_BOUNDS.maxLength) return refuse(`must be at most ${HASH_BOUNDS.maxLength} characters`);
  for (const parse of PARSERS) {
    const parsed = parse(hash);
    if (parsed) return parsed;
  }
  return refuse(`is not a recognised password hash; accepted: ${ACCEPTED_FORMATS}`);
}

function parseBcrypt(hash: string): ParsedHash | null {
  if (!/^\$2[abxy]\$/.test(hash)) return null;
  const cost = bcryptCost(hash);
  // $2x$ is crypt_blowfish's marker for hashes made by its old sign-extension bug: they cannot be verified correctly.
  if (cost === null || hash.startsWith('$2x$')) return refuse('is a malformed bcrypt hash');
  const { minCost, maxCost } = HASH_BOUNDS.bcrypt;
  const problem = outside('bcrypt cost', cost, minCost, maxCost);
  return problem ? refuse(problem) : accept({ format: 'bcrypt', cost });
}
