import { Inject, Injectable, Logger } from '@nestjs/common';
import { Semaphore } from 'async-mutex';
import { passwordsConfig, PasswordsConfig } from '../config/passwords.config';
import { verifyImported } from './formats/imported-hash.verifier';
import { parseStoredHash } from './formats/stored-hash';
import { PasswordHasher } from './password-hasher';

/**
 * Checks a password against a stored hash of any accepted format: bcrypt through the PasswordHasher, imported
 * hashes (argon2, scrypt, PBKDF2) through their own algorithm. Both run off the event loop.
 */
@Injectable()
export class PasswordVerifier {
  private readonly logger = new Logger('Passwords');
  /** Imported hashes checked at once: as many as bcrypt's threads, so a burst cannot take every core or GBs. */
  private readonly slots: Semaphore;

  constructor(
    private readonly hasher: PasswordHasher,
    @Inject(passwordsConfig.KEY) config: Pick<PasswordsConfig, 'threads'>,
  ) {
    this.slots = new Semaphore(config.threads);
  }

  /** False for a wrong password, and for a hash that is malformed or out of bounds (never throws for either). */
  async verify(password: string, stored: string): Promise<boolean> {
    // The bounds again, not only at import: a row written by hand or by an older version must not cost minutes.
    const parsed = parseStoredHash(stored);
    if (!parsed.ok) return false;
    const hash = parsed.hash;
    if (hash.format === 'bcrypt') return this.hasher.verify(password, stored);
    try {
      return await this.slots.runExclusive(() => verifyImported(hash, password));
    } catch (e) {
      this.logger.warn(`A stored ${hash.format} hash could not be checked: ${(e as Error).message}`);
      return false;
    }
  }

  /**
   * True for bcrypt at BCRYPT_COST: what the dummy comparison of an unknown user costs, and what every hash becomes
   * at its user's next sign-in. Any other hash is followed by that dummy comparison at sign-in (see PasswordCheck).
   */
  isStandard(stored: string): boolean {
    const parsed = parseStoredHash(stored);
    return parsed.ok && parsed.hash.format === 'bcrypt' && parsed.hash.cost === this.hasher.cost;
  }
}
