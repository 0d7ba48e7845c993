import * as bcrypt from 'bcryptjs';
import { PasswordHasher } from './password-hasher';

/** bcrypt in pure JavaScript: always loads, reads every `$2a$/$2b$/$2y$` hash (the seed's `$2b$06$…` included). */
export class BcryptjsHasher extends PasswordHasher {
  readonly name = 'bcryptjs';

  constructor(private readonly cost: number) {
    super();
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.cost);
  }

  async verify(password: string, hash: string): Promise<boolean> {
    try {
      return await bcrypt.compare(password, hash);
    } catch {
      return false; // a malformed stored hash never verifies, and never becomes a 500
    }
  }

  needsRehash(hash: string): boolean {
    try {
      return bcrypt.getRounds(hash) !== this.cost;
    } catch {
      return true;
    }
  }
}
