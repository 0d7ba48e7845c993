import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../audit/request-meta';
import { Errors } from '../common/errors/api-error';
import { LockoutService } from '../lockout/lockout.service';
import { matchingForm } from '../passwords/password-forms';
import { PasswordVerifier } from '../passwords/password-verifier';
import { User } from '../users/user.entity';

/**
 * The password a signed-in user gives again before changing their second factor. A wrong one counts toward the
 * lockout, as at sign-in, so a stolen access token cannot be used to guess it. An account made by Google sign-in has
 * no password to ask for.
 */
@Injectable()
export class OwnPasswordCheck {
  constructor(
    private readonly verifier: PasswordVerifier,
    private readonly lockout: LockoutService,
  ) {}

  /** `deviceTokens` (as presented) say whose lockout budget a wrong password spends, as at sign-in. */
  async assert(user: User, password: string | undefined, meta: RequestMeta, deviceTokens: readonly string[] = []): Promise<void> {
    if (!user.passwordHash) return;
    if (password === undefined) throw Errors.badInput([{ field: 'password', reason: 'is required (the account has a password)' }]);
    const { budget, refusal } = await this.lockout.admit(user, deviceTokens);
    if (refusal) throw refusal;
    // In each of its forms (NFC, then as typed for a hash made before normalisation), as at sign-in.
    if ((await matchingForm(this.verifier, password, user.passwordHash)) !== null) return this.lockout.recordSuccess(budget);
    await this.lockout.recordFailure(budget, meta);
    throw Errors.invalidCurrentPassword();
  }
}
