import { decodeHashBase64 } from './base64';
import { HASH_BOUNDS, outside, sizeProblem } from './hash-bounds';
import { accept, ParsedHash, Pbkdf2Digest, refuse } from './parsed-hash';

/**
 * PHC form `$pbkdf2-sha256$i=600000$<salt>$<hash>` (optionally `,l=<key length>`), and passlib's variant of it with
 * the bare iteration count (`$pbkdf2-sha256$29000$…`). Salt and hash are base64 of the bytes.
 */
const PHC = /^\$pbkdf2-(sha1|sha256|sha512)\$(?:i=(\d{1,9})(?:,l=(\d{1,3}))?|(\d{1,9}))\$([^$]+)\$([^$]+)$/;

/** Django's `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>`: the salt is used as the text it is, not decoded. */
const DJANGO = /^pbkdf2_(sha1|sha256)\$(\d{1,9})\$([^$]+)\$([^$]+)$/;

export function parsePhcPbkdf2(encoded: string): ParsedHash | null {
  if (!encoded.startsWith('$pbkdf2-')) return null;
  const match = PHC.exec(encoded);
  const salt = match ? decodeHashBase64(match[5]) : null;
  const key = match ? decodeHashBase64(match[6]) : null;
  if (!match || !salt || !key) return refuse('is a malformed PBKDF2 hash (expected $pbkdf2-sha256$i=…$salt$hash)');
  if (match[3] !== undefined && Number(match[3]) !== key.length) return refuse('has a PBKDF2 key length l that is not the hash length');
  return checked(match[1] as Pbkdf2Digest, Number(match[2] ?? match[4]), salt, key);
}

export function parseDjangoPbkdf2(encoded: string): ParsedHash | null {
  if (!encoded.startsWith('pbkdf2_')) return null;
  const match = DJANGO.exec(encoded);
  const key = match ? decodeHashBase64(match[4]) : null;
  if (!match || !key) return refuse('is a malformed Django PBKDF2 hash (expected pbkdf2_sha256$iterations$salt$hash)');
  return checked(match[1] as Pbkdf2Digest, Number(match[2]), Buffer.from(match[3], 'utf8'), key);
}

function checked(digest: Pbkdf2Digest, iterations: number, salt: Buffer, key: Buffer): ParsedHash {
  const problem = outside('PBKDF2 iterations', iterations, 1, HASH_BOUNDS.pbkdf2.maxIterations) ?? sizeProblem('PBKDF2', salt, key);
  return problem ? refuse(problem) : accept({ format: 'pbkdf2', digest, iterations, salt, key });
}
