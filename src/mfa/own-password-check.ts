import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../audit/request-meta';
import { Errors } from '../common/errors/api-error';
import { LockoutService } from '../lockout/lockout.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { User } from '../users/user.entity';

/**
 * The password a signed-in user gives again before changing their second factor. A wrong one counts toward the
 * lockout, as at sign-in, so a stolen access token cannot be used to guess it. An account made by Google sign-in has
 * no password to ask for.
 */
@Injectable()
export class OwnPasswordCheck {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly lockout: LockoutService,
  ) {}

  async assert(user: User, password: string | undefined, meta: RequestMeta): Promise<void> {
    if (!user.passwordHash) return;
    if (password === undefined) throw Errors.badInput([{ field: 'password', reason: 'is required (the account has a password)' }]);
    if (await this.hasher.verify(password, user.passwordHash)) return;
    await this.lockout.recordFailure(user, meta);
    throw Errors.invalidCurrentPassword();
  }
}
