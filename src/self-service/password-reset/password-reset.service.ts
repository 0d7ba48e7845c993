import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { RefreshTokenRevocation } from '../../auth/sessions/refresh/refresh-token-revocation.service';
import { Errors } from '../../common/errors/api-error';
import { LockoutService } from '../../lockout/lockout.service';
import { SecondFactor } from '../../mfa/second-factor.service';
import { PasswordHasher } from '../../passwords/password-hasher';
import { PasswordPolicy } from '../../passwords/password-policy';
import { SelfServiceUsers } from '../../users/self-service/self-service-users.service';
import { AccountTokens } from '../account-tokens/account-tokens.service';
import { ResetPasswordDto } from './dto/reset-password.dto';

/**
 * POST /api/auth/password/reset: the link's token sets a new password. Everything a client can get wrong (the
 * password's length, the token, the second factor) is checked before the token is used; then the token is used and
 * the password set in one transaction, and every session of the account ends.
 */
@Injectable()
export class PasswordReset {
  constructor(
    private readonly policy: PasswordPolicy,
    private readonly tokens: AccountTokens,
    private readonly users: SelfServiceUsers,
    private readonly secondFactor: SecondFactor,
    private readonly hasher: PasswordHasher,
    private readonly revocation: RefreshTokenRevocation,
    private readonly lockout: LockoutService,
    private readonly audit: AuditService,
  ) {}

  async reset(body: ResetPasswordDto, meta: RequestMeta): Promise<void> {
    this.policy.check(body.newPassword, 'newPassword');
    const live = await this.tokens.find(body.token, 'password_reset');
    if (!live) throw Errors.invalidResetToken();
    const { row, user } = live;
    // A reset proves the address, not the second factor: an account with two-factor sign-in must also give a code
    // (a TOTP code, or a recovery code for a lost device), checked before the link is used so a wrong code does not
    // cost the owner their link. Wrong codes count toward the lockout as at sign-in.
    if (user.using2FA) {
      if (!body.code) throw Errors.badInput([{ field: 'code', reason: 'is required: the account has two-factor sign-in' }]);
      await this.secondFactor.verifySecondFactor(user, body.code, meta, { context: 'password_reset' });
    }
    const passwordHash = await this.hasher.hash(body.newPassword);
    await this.tokens.redeem(row, (em) => this.users.setPasswordFromLink(em, user.id, row.email, passwordHash), Errors.invalidResetToken);
    // The UPDATE raised the token generation (every access and refresh token is refused from now on); the refresh
    // families are also marked revoked, as a logout everywhere does.
    await this.revocation.revokeAllOfUser(user.id);
    await this.lockout.endAutomaticLock(user.id, meta);
    this.audit.record({ ...meta, type: 'password.reset', subjectId: user.id });
  }
}
