/** One interface for password hashing, so the implementation (pure JS, native, worker pool) is chosen in one place. */
export abstract class PasswordHasher {
  abstract readonly name: string;
  abstract hash(password: string): Promise<string>;
  abstract verify(password: string, hash: string): Promise<boolean>;
  /** True when the stored hash was made at another cost than the configured one (rehash at next login). */
  abstract needsRehash(hash: string): boolean;
}
