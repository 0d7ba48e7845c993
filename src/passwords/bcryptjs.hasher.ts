import * as bcrypt from 'bcryptjs';
import { PasswordHasher } from './password-hasher';

/**
 * bcrypt in pure JavaScript: always loads, reads every `$2a$/$2b$/$2y$` hash (the seed's `$2b$06$…` included).
 * It blocks the thread it runs on, so the application runs it only inside worker threads (bcrypt.worker.ts).
 */
export class BcryptjsHasher extends PasswordHasher {
  readonly name = 'bcryptjs';
  /** Runs on the caller's thread: nothing ever waits for one. */
  readonly waiting = 0;

  constructor(readonly cost: number) {
    super();
  }

  hash(password: string): Promise<string> {
    return Promise.resolve(bcrypt.hashSync(password, this.cost));
  }

  async verify(password: string, hash: string): Promise<boolean> {
    try {
      return bcrypt.compareSync(password, hash);
    } catch {
      return false; // a malformed stored hash never verifies, and never becomes a 500
    }
  }
}
