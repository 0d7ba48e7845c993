import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiError, Errors } from '../../common/errors/api-error';
import { selfServiceConfig } from '../../config/self-service.config';
import { isAdminLocked } from '../../users/user-lock';
import { isUnverifiedSignUp } from '../../users/self-service/signed-up';
import { User } from '../../users/user.entity';
import { SignInRefused } from './sign-in-attempt';

/**
 * Whether a known user may sign in at all, whatever the credential, with the same answers: deleted → the usual 401
 * invalid_credentials (as if unknown), locked by an admin → 423, disabled → 401 account_disabled, a signed-up
 * account whose address is not proven yet → 403 email_not_verified (while SIGNUP_REQUIRE_VERIFIED_EMAIL is on).
 * Step 3 of SignInFlow; thrown as SignInRefused so the audit trail names the user. Only someone who gave the right
 * credential learns any of these.
 *
 * An automatic lock is not refused here: it only keeps clients without a device credential from trying passwords,
 * which the password check enforces (LockoutService). A device that signed in before, a Google ID token (which no
 * one guesses) and a refresh token still get in, so wrong passwords typed by others never keep the owner out.
 */
@Injectable()
export class SignInPolicy {
  private readonly requireVerifiedSignUp: boolean;

  constructor(@Inject(selfServiceConfig.KEY) config: ConfigType<typeof selfServiceConfig>) {
    this.requireVerifiedSignUp = config.signUp.requireVerifiedEmail;
  }

  assertMaySignIn(user: User): void {
    const refusal = this.refusalFor(user);
    if (refusal) throw SignInRefused.of(refusal, user);
  }

  /**
   * Before a Google account is linked to the user with its e-mail. Never to a signed-up account whose address is
   * not proven, whatever SIGNUP_REQUIRE_VERIFIED_EMAIL says: anyone can sign up with someone else's address and a
   * password of their own, and linking the real owner's Google account to it would let them keep that access.
   */
  assertMayLinkByEmail(user: User): void {
    this.assertMaySignIn(user);
    if (isUnverifiedSignUp(user)) throw SignInRefused.of(Errors.emailNotVerified(), user);
  }

  private refusalFor(user: User): ApiError | null {
    if (user.deletedAt) return Errors.invalidCredentials();
    if (isAdminLocked(user)) return Errors.accountLocked();
    if (!user.isActive) return Errors.accountDisabled();
    if (this.requireVerifiedSignUp && isUnverifiedSignUp(user)) return Errors.emailNotVerified();
    return null;
  }
}
