import { HttpStatus } from '@nestjs/common';
import { ApiError, Errors } from '../../common/errors/api-error';
import { isEffectivelyLocked } from '../../users/user-lock';
import { User } from '../../users/user.entity';
import { SignInRefused } from './sign-in-attempt';

/**
 * Whether a known user may sign in at all, whatever the credential, with the same answers: deleted → the usual 401
 * invalid_credentials (as if unknown), locked (an automatic lock that has run out aside) → 423, disabled → 401
 * account_disabled. Step 3 of SignInFlow; thrown as SignInRefused so the audit trail names the user.
 */
export function assertMaySignIn(user: User): void {
  const refusal = refusalFor(user);
  if (refusal) throw SignInRefused.of(refusal, user);
}

function refusalFor(user: User): ApiError | null {
  if (user.deletedAt) return Errors.invalidCredentials();
  if (isEffectivelyLocked(user, new Date())) return Errors.accountLocked();
  if (!user.isActive) return new ApiError(HttpStatus.UNAUTHORIZED, 'account_disabled', 'This account is disabled');
  return null;
}
