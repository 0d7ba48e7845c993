import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { toDataURL } from 'qrcode';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { Errors } from '../common/errors/api-error';
import { mfaConfig } from '../config/mfa.config';
import { TransactionRunner } from '../database/transaction-runner';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { OwnPasswordCheck } from './own-password-check';
import { RecoveryCodes } from './recovery/recovery-codes.service';
import { SecondFactor } from './second-factor.service';
import { matchingStep, otpauthUri } from './totp/totp';
import { TotpSecrets } from './totp/totp-secrets.service';

/** What enrolment shows once: the secret, as text, as a URI and as a QR code of that URI. */
export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

/**
 * A user turning two-factor sign-in on for their own account: a pending secret, confirmed with a first code (and
 * the password), which activates it, makes the recovery codes and ends the user's sessions; later, new recovery codes.
 */
@Injectable()
export class TwoFactorEnrolment {
  constructor(
    @Inject(mfaConfig.KEY) private readonly config: ConfigType<typeof mfaConfig>,
    private readonly totp: TotpSecrets,
    private readonly recovery: RecoveryCodes,
    private readonly secondFactor: SecondFactor,
    private readonly password: OwnPasswordCheck,
    private readonly users: UsersService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async start(user: User): Promise<TotpEnrolment> {
    const secret = await this.totp.startEnrolment(user.id);
    const uri = otpauthUri(secret, this.config.totpIssuer, user.email);
    return { secret, otpauthUri: uri, qrCode: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 256 }) };
  }

  /**
   * Activates the pending secret. The password is asked for (when the account has one) because this ends every
   * other session: with a stolen access token alone, someone could otherwise put their own authenticator on the
   * account and sign its owner out for good. Returns the recovery codes and the user as now stored.
   */
  async confirm(user: User, code: string, password: string | undefined, meta: RequestMeta, deviceTokens: readonly string[] = []): Promise<{ recoveryCodes: string[]; user: User }> {
    await this.password.assert(user, password, meta, deviceTokens);
    const pending = await this.totp.pending(user.id);
    if (!pending) {
      if (await this.totp.isActive(user.id)) throw Errors.conflict('mfa_already_enabled', 'Two-factor sign-in is already on');
      throw Errors.conflict('mfa_enrolment_not_started', 'Start with POST /api/users/me/2fa/totp');
    }
    const step = matchingStep(pending.secret, code.replace(/\s/g, ''));
    if (step === null) throw Errors.invalidMfaCode(HttpStatus.FORBIDDEN);
    const recoveryCodes = await this.tx.run(async (em) => {
      if (!(await this.totp.activate(em, user.id, pending.sealed, step))) {
        throw Errors.conflict('mfa_enrolment_changed', 'The enrolment changed meanwhile (started again elsewhere); start again');
      }
      const codes = await this.recovery.replace(em, user.id);
      await this.users.setUsing2FA(em, user.id, { enabled: true, endSessions: true, actorId: user.id });
      return codes;
    });
    this.audit.record({ ...meta, type: 'mfa.enabled', actorId: user.id, subjectId: user.id, details: { method: 'totp' } });
    return { recoveryCodes, user: await this.current(user.id) };
  }

  /** A fresh set of recovery codes for a code (TOTP or recovery) of the user: the old set stops working. */
  async replaceRecoveryCodes(user: User, code: string, meta: RequestMeta, deviceTokens: readonly string[] = []): Promise<string[]> {
    await this.secondFactor.verifySecondFactor(user, code, meta, { context: 'recovery_codes', status: HttpStatus.FORBIDDEN, deviceTokens });
    const codes = await this.tx.run((em) => this.recovery.replace(em, user.id));
    this.audit.record({ ...meta, type: 'mfa.recovery_codes_replaced', actorId: user.id, subjectId: user.id });
    return codes;
  }

  private async current(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw Errors.unauthenticated('The user of this token can no longer sign in');
    return user;
  }
}
