import { HttpStatus } from '@nestjs/common';
import { ApiError, Errors } from '../common/errors/api-error';
import { isEffectivelyLocked } from '../users/user-lock';
import { User } from '../users/user.entity';

/**
 * Whether a known user may sign in at all, whatever the method (password or Google), with the same answers:
 * deleted → the usual 401 invalid_credentials (as if unknown), locked (an automatic lock that has run out aside) → 423, disabled → 401 account_disabled.
 */
export function assertMaySignIn(user: User): void {
  if (user.deletedAt) throw Errors.invalidCredentials();
  if (isEffectivelyLocked(user, new Date())) throw Errors.accountLocked();
  if (!user.isActive) throw new ApiError(HttpStatus.UNAUTHORIZED, 'account_disabled', 'This account is disabled');
}
