import { phcParts } from './base64';
import { HASH_BOUNDS, outside, sizeProblem } from './hash-bounds';
import { accept, ParsedHash, refuse } from './parsed-hash';

/** `$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>` (v= absent means version 16); the parameters in any order. */
const ARGON2 = /^\$argon2(?:id|i|d)\$(?:v=(?:16|19)\$)?([a-z0-9=,]+)\$([^$]+)\$([^$]+)$/;

export function parseArgon2(encoded: string): ParsedHash | null {
  if (!/^\$argon2(id|i|d)\$/.test(encoded)) return null;
  const parts = phcParts(ARGON2.exec(encoded), ['m', 't', 'p']);
  if (!parts) return refuse('is a malformed argon2 hash (expected $argon2id$v=19$m=…,t=…,p=…$salt$hash)');
  const { params, salt, key } = parts;
  const [memoryKib, iterations, parallelism] = [params.get('m')!, params.get('t')!, params.get('p')!];
  const { maxMemoryKib, maxIterations, maxParallelism } = HASH_BOUNDS.argon2;
  const problem =
    outside('argon2 p', parallelism, 1, maxParallelism) ??
    // Argon2 itself needs at least 8 KiB per lane.
    outside('argon2 m (KiB)', memoryKib, 8 * parallelism, maxMemoryKib) ??
    outside('argon2 t', iterations, 1, maxIterations) ??
    sizeProblem('argon2', salt, key);
  return problem ? refuse(problem) : accept({ format: 'argon2', encoded, memoryKib, iterations, parallelism });
}
