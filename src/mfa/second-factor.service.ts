import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { ApiError, Errors } from '../common/errors/api-error';
import { LockoutService } from '../lockout/lockout.service';
import { User } from '../users/user.entity';
import { RecoveryCodes } from './recovery/recovery-codes.service';
import { parseSecondFactorCode, SecondFactorKind } from './second-factor-code';
import { TotpCheck, TotpSecrets } from './totp/totp-secrets.service';

/** Why a code was refused, for the audit trail (the client sees one answer: invalid_mfa_code). */
export type SecondFactorFailure = 'wrong_code' | 'reused_code';

/** A refused code: the error the client sees, and the reason only the audit trail records. */
export class SecondFactorRefused extends ApiError {
  constructor(
    error: ApiError,
    readonly reason: SecondFactorFailure,
  ) {
    super(error.getStatus(), error.code, error.message);
  }
}

export interface VerifyOptions {
  /** Where the code was asked for, for the audit trail: sign_in (default), or the route (e.g. disable). */
  context?: string;
  /** 401 by default; 403 on routes where the caller is already signed in. */
  status?: HttpStatus.UNAUTHORIZED | HttpStatus.FORBIDDEN;
  /** The device credentials the client presented: a wrong code spends that device's lockout budget, if valid. */
  deviceTokens?: readonly string[];
}

/**
 * The check of a user's second factor, wherever one is asked for: the sign-in's second step, turning two-factor
 * sign-in off, new recovery codes, and (for other use cases such as a password reset) `verifySecondFactor` alone.
 */
@Injectable()
export class SecondFactor {
  constructor(
    private readonly totp: TotpSecrets,
    private readonly recovery: RecoveryCodes,
    private readonly lockout: LockoutService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Accepts a TOTP code (once: replay protection) or a recovery code (which it uses up) of `user`, and says which it
   * was. Otherwise throws: 409 mfa_not_enabled for a user without two-factor sign-in, 400 naming `code` for a code of
   * neither shape, and SecondFactorRefused (401 invalid_mfa_code, or `options.status`) for a wrong or reused code,
   * which also counts toward the lockout (the budget of the client's device, or of clients without one) and is
   * audited as mfa.challenge_failed. A budget locked by wrong passwords or codes answers 423 whatever the code; a
   * right code starts its count over (the right password alone does not, see PasswordCheck).
   */
  async verifySecondFactor(user: User, code: string, meta: RequestMeta, options: VerifyOptions = {}): Promise<SecondFactorKind> {
    if (!user.using2FA) throw Errors.conflict('mfa_not_enabled', 'Two-factor sign-in is not on for this account');
    const parsed = parseSecondFactorCode(code);
    if (!parsed) throw Errors.badInput([{ field: 'code', reason: 'must be a 6-digit code or a recovery code' }]);
    const { budget, refusal } = await this.lockout.admit(user, options.deviceTokens ?? []);
    if (refusal) throw refusal;
    const outcome = parsed.kind === 'totp' ? await this.totp.check(user.id, parsed.code) : await this.useRecoveryCode(user, parsed.code, meta);
    if (outcome === 'accepted') {
      await this.lockout.recordSuccess(budget);
      return parsed.kind;
    }
    const reason: SecondFactorFailure = outcome === 'reused' ? 'reused_code' : 'wrong_code';
    // Wrong codes count like wrong passwords: someone who has the password cannot guess codes without limit.
    await this.lockout.recordFailure(budget, meta);
    this.audit.record({ ...meta, type: 'mfa.challenge_failed', subjectId: user.id, details: { method: parsed.kind, reason, context: options.context ?? 'sign_in' } });
    throw new SecondFactorRefused(Errors.invalidMfaCode(options.status), reason);
  }

  private async useRecoveryCode(user: User, code: string, meta: RequestMeta): Promise<TotpCheck> {
    const remaining = await this.recovery.consume(user.id, code);
    if (remaining === null) return 'wrong';
    this.audit.record({ ...meta, type: 'mfa.recovery_code_used', subjectId: user.id, details: { remaining } });
    return 'accepted';
  }
}
