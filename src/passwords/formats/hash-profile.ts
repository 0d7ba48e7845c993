import { randomBytes, randomInt } from 'node:crypto';
import { decodeHashBase64 } from './base64';
import { parseStoredHash } from './stored-hash';

/**
 * What checking a hash costs is written in its text before the salt (`$argon2id$v=19$m=19456,t=2,p=1$`, `$2b$12$`,
 * `pbkdf2_sha256$870000$`): its profile. The dummy is a hash of the same profile made of random bytes, that no
 * password matches: checking a password against it costs what checking one against any hash of the profile costs.
 * Made from nothing of the hash it was taken from but its shape (prefix, lengths).
 */
export interface HashProfile {
  prefix: string;
  dummy: string;
}

const BCRYPT = /^(\$2[aby]\$\d{2}\$)[./A-Za-z0-9]{53}$/;
const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALPHANUMERIC = BCRYPT_ALPHABET.slice(2);

/** The profile of an accepted hash; null for a hash that is not one (malformed, out of bounds). */
export function hashProfile(hash: string): HashProfile | null {
  if (!parseStoredHash(hash).ok) return null;
  const bcrypt = BCRYPT.exec(hash);
  if (bcrypt) return { prefix: bcrypt[1], dummy: bcrypt[1] + randomText(53, BCRYPT_ALPHABET) };
  // Every other format ends with `$<salt>$<hash>`.
  const saltStart = hash.lastIndexOf('$', hash.lastIndexOf('$') - 1) + 1;
  const prefix = hash.slice(0, saltStart);
  const [salt, key] = hash.slice(saltStart).split('$');
  // Django's salt is text used as it is; everywhere else both parts are base64 of bytes.
  const django = !prefix.startsWith('$');
  const dummy = `${prefix}${django ? randomText(salt.length, ALPHANUMERIC) : randomLike(salt)}$${randomLike(key)}`;
  return parseStoredHash(dummy).ok ? { prefix, dummy } : null;
}

/** Random bytes as many as `segment` decodes to, written the same way (padding, passlib's `.`). */
function randomLike(segment: string): string {
  const size = decodeHashBase64(segment)?.length ?? 0;
  let text = randomBytes(size).toString('base64');
  if (!segment.endsWith('=')) text = text.replace(/=+$/, '');
  return segment.includes('.') ? text.replace(/\+/g, '.') : text;
}

function randomText(length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
