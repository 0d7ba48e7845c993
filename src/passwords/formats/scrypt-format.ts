import { phcParts } from './base64';
import { HASH_BOUNDS, outside, sizeProblem } from './hash-bounds';
import { accept, ParsedHash, refuse } from './parsed-hash';

/** `$scrypt$ln=16,r=8,p=1$<salt>$<hash>` (passlib's form; N = 2^ln); the parameters in any order. */
const SCRYPT = /^\$scrypt\$([a-z0-9=,]+)\$([^$]+)\$([^$]+)$/;

export function parseScrypt(encoded: string): ParsedHash | null {
  if (!encoded.startsWith('$scrypt$')) return null;
  const parts = phcParts(SCRYPT.exec(encoded), ['ln', 'r', 'p']);
  if (!parts) return refuse('is a malformed scrypt hash (expected $scrypt$ln=…,r=…,p=…$salt$hash)');
  const { params, salt, key } = parts;
  const [log2N, blockSize, parallelism] = [params.get('ln')!, params.get('r')!, params.get('p')!];
  const { maxLog2N, maxBlockSize, maxParallelism, maxMemoryBytes, maxWork } = HASH_BOUNDS.scrypt;
  const problem =
    outside('scrypt ln (N = 2^ln)', log2N, 1, maxLog2N) ??
    outside('scrypt r', blockSize, 1, maxBlockSize) ??
    outside('scrypt p', parallelism, 1, maxParallelism) ??
    (128 * 2 ** log2N * blockSize > maxMemoryBytes ? 'scrypt memory (128·N·r bytes) must be at most 256 MiB' : null) ??
    (2 ** log2N * blockSize * parallelism > maxWork ? 'scrypt work N·r·p must be at most 2^22' : null) ??
    sizeProblem('scrypt', salt, key);
  return problem ? refuse(problem) : accept({ format: 'scrypt', log2N, blockSize, parallelism, salt, key });
}
