/**
 * What an imported hash may cost to check. A hash decides how much CPU and memory every sign-in attempt for its
 * user spends, and anyone may attempt a sign-in: without bounds, one planted hash (argon2 with 4 GiB, PBKDF2 with
 * a billion iterations) would make each attempt cost minutes, or the process its memory. The bounds are checked
 * when a hash is accepted (import, sync) and again before every verification (a row written some other way).
 */
export const HASH_BOUNDS = {
  bcrypt: { minCost: 4, maxCost: 15 },
  /** m in KiB (256 MiB), t passes, p lanes. */
  argon2: { maxMemoryKib: 256 * 1024, maxIterations: 10, maxParallelism: 16 },
  /**
   * N = 2^ln. Memory is 128·N·r bytes and work grows with N·r·p: both are capped too, or r and p would take the
   * cost past what N's bound means (N = 2^20 with r = 8 needs 1 GiB).
   */
  scrypt: { maxLog2N: 20, maxBlockSize: 32, maxParallelism: 16, maxMemoryBytes: 256 * 1024 * 1024, maxWork: 2 ** 22 },
  pbkdf2: { maxIterations: 10_000_000 },
  /** Salt and derived-key sizes in bytes, for every format that carries them. */
  saltBytes: { min: 1, max: 64 },
  keyBytes: { min: 16, max: 64 },
  /** The whole hash string (the column is varchar(255)). */
  maxLength: 255,
} as const;

/** A reason when `value` is outside min..max, naming `what`. */
export function outside(what: string, value: number, min: number, max: number): string | null {
  return value < min || value > max ? `${what} must be ${min}–${max.toLocaleString('en-US')} (got ${value})` : null;
}

/** The reason a salt or derived key of this size is refused, or null. */
export function sizeProblem(format: string, salt: Buffer, key: Buffer): string | null {
  const { saltBytes, keyBytes } = HASH_BOUNDS;
  return outside(`${format} salt length`, salt.length, saltBytes.min, saltBytes.max) ?? outside(`${format} hash length`, key.length, keyBytes.min, keyBytes.max);
}
