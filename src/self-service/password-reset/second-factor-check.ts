import { Injectable } from '@nestjs/common';
import { User } from '../../users/user.entity';

/**
 * A password reset proves the address, not the second factor, so an account with two-factor sign-in must also
 * give a current code or a recovery code (ResetPasswordDto.code). Checked before the reset token is used, so a
 * wrong code does not cost the owner their link.
 *
 * MERGE POINT (two-factor sign-in): bind SecondFactorCheck to an implementation that asks the two-factor service
 * (self-service.module.ts, the one provider line marked there). Until then no account has a second factor.
 */
export abstract class SecondFactorCheck {
  /** Resolves when `user` needs no second factor or `code` is a valid one of theirs; otherwise throws an ApiError. */
  abstract assertPassed(user: User, code: string | undefined): Promise<void>;
}

/** The default while two-factor sign-in does not exist: nothing to check. */
@Injectable()
export class NoSecondFactor extends SecondFactorCheck {
  async assertPassed(): Promise<void> {}
}
