import { HttpStatus } from '@nestjs/common';
import { ApiError, Errors } from '../../common/errors/api-error';
import { isAdminLocked } from '../../users/user-lock';
import { User } from '../../users/user.entity';
import { SignInRefused } from './sign-in-attempt';

/**
 * Whether a known user may sign in at all, whatever the credential, with the same answers: deleted → the usual 401
 * invalid_credentials (as if unknown), locked by an admin → 423, disabled → 401 account_disabled. Step 3 of
 * SignInFlow; thrown as SignInRefused so the audit trail names the user.
 *
 * An automatic lock is not refused here: it only keeps clients without a device credential from trying passwords,
 * which the password check enforces (LockoutService). A device that signed in before, a Google ID token (which no
 * one guesses) and a refresh token still get in, so wrong passwords typed by others never keep the owner out.
 */
export function assertMaySignIn(user: User): void {
  const refusal = refusalFor(user);
  if (refusal) throw SignInRefused.of(refusal, user);
}

function refusalFor(user: User): ApiError | null {
  if (user.deletedAt) return Errors.invalidCredentials();
  if (isAdminLocked(user)) return Errors.accountLocked();
  if (!user.isActive) return new ApiError(HttpStatus.UNAUTHORIZED, 'account_disabled', 'This account is disabled');
  return null;
}
