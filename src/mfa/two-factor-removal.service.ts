import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { Errors } from '../common/errors/api-error';
import { TransactionRunner } from '../database/transaction-runner';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { MfaChallenges } from './challenges/mfa-challenges.service';
import { OwnPasswordCheck } from './own-password-check';
import { RecoveryCodes } from './recovery/recovery-codes.service';
import { SecondFactor } from './second-factor.service';
import { TotpSecrets } from './totp/totp-secrets.service';

/**
 * Turning two-factor sign-in off: by the user (password and a code), or by an admin for a user who lost the device
 * (that also ends the user's sessions). Either way the secret, the recovery codes and open challenges go, with
 * `using2FA`, in one transaction.
 */
@Injectable()
export class TwoFactorRemoval {
  constructor(
    private readonly totp: TotpSecrets,
    private readonly recovery: RecoveryCodes,
    private readonly challenges: MfaChallenges,
    private readonly secondFactor: SecondFactor,
    private readonly password: OwnPasswordCheck,
    private readonly users: UsersService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async disable(user: User, password: string | undefined, code: string, meta: RequestMeta, deviceTokens: readonly string[] = []): Promise<void> {
    await this.password.assert(user, password, meta, deviceTokens);
    await this.secondFactor.verifySecondFactor(user, code, meta, { context: 'disable', status: HttpStatus.FORBIDDEN, deviceTokens });
    await this.tx.run((em) => this.remove(em, user.id, { enabled: false, endSessions: false, actorId: user.id }));
    this.audit.record({ ...meta, type: 'mfa.disabled', actorId: user.id, subjectId: user.id });
  }

  /** 404 for no live user; done (and the sessions ended) whether or not the user had a second factor. */
  async resetByAdmin(userId: string, actorId: string, meta: RequestMeta): Promise<void> {
    const found = await this.tx.run((em) => this.remove(em, userId, { enabled: false, endSessions: true, actorId }));
    if (!found) throw Errors.notFound(`No user with id ${userId}`);
    this.audit.record({ ...meta, type: 'mfa.reset_by_admin', actorId, subjectId: userId });
  }

  private async remove(em: EntityManager, userId: string, change: { enabled: false; endSessions: boolean; actorId: string }): Promise<boolean> {
    if (!(await this.users.setUsing2FA(em, userId, change))) return false;
    await this.totp.remove(em, userId);
    await this.recovery.removeAll(em, userId);
    await this.challenges.removeAll(em, userId);
    return true;
  }
}
