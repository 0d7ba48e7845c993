import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { BackgroundWork } from '../../common/process/background-work';
import { selfServiceConfig } from '../../config/self-service.config';
import { AccountMails } from '../../mail/account-mails.service';
import { PasswordHasher } from '../../passwords/password-hasher';
import { PasswordPolicy } from '../../passwords/password-policy';
import { IntervalGate } from '../../rate-limit/interval-gate';
import { SelfServiceUsers } from '../../users/self-service/self-service-users.service';
import { isUnverifiedSignUp } from '../../users/self-service/signed-up';
import { User } from '../../users/user.entity';
import { EmailVerification } from '../email-verification/email-verification.service';
import { SignUpDto } from './dto/sign-up.dto';

/**
 * POST /api/auth/signup. Only what is the same for every address is checked before the answer (the body, the
 * password's length); the caller then gets 202, and the rest runs after it: a new address gets an account and a
 * verification link, an address with an account gets a mail telling its owner so. The answer (status, body, time)
 * never says which, and the account signs in only once its address is proven (SignInPolicy).
 */
@Injectable()
export class SignUp {
  constructor(
    @Inject(selfServiceConfig.KEY) private readonly config: ConfigType<typeof selfServiceConfig>,
    private readonly policy: PasswordPolicy,
    private readonly background: BackgroundWork,
    private readonly users: SelfServiceUsers,
    private readonly hasher: PasswordHasher,
    private readonly verification: EmailVerification,
    private readonly gate: IntervalGate,
    private readonly mails: AccountMails,
    private readonly audit: AuditService,
  ) {}

  signUp(body: SignUpDto, meta: RequestMeta): void {
    this.policy.check(body.password, 'password');
    this.background.afterResponse('Sign-up', () => this.complete(body, meta));
  }

  private async complete(body: SignUpDto, meta: RequestMeta): Promise<void> {
    const existing = await this.users.findByEmail(body.email);
    if (existing) return this.tellOwner(existing);
    // Hashed after the answer: an address with an account costs no hash, and the caller must not see the difference.
    const passwordHash = await this.hasher.hash(body.password);
    const result = await this.users.createSignedUp({ email: body.email, username: body.username ?? null, name: body.name ?? null, passwordHash });
    if ('user' in result) {
      this.audit.record({ ...meta, type: 'user.created', actorId: result.user.id, subjectId: result.user.id, details: { via: 'signup' } });
      if (await this.mayMail(body.email)) await this.verification.send(result.user, true);
    } else if (result.taken === 'email') {
      const winner = await this.users.findByEmail(body.email);
      if (winner) await this.tellOwner(winner);
    } else if (await this.mayMail(body.email)) {
      this.mails.signUpNotCompleted(body.email);
    }
  }

  /**
   * A sign-up with an address that has an account: its owner hears of it; the account is not touched (the body's
   * password is dropped). Still unverified from an earlier sign-up: a new verification link instead, so signing up
   * again is how a lost or expired one is replaced. A deleted account gets nothing: only an admin can restore it.
   */
  private async tellOwner(user: User): Promise<void> {
    if (user.deletedAt || !(await this.mayMail(user.email))) return;
    if (isUnverifiedSignUp(user)) await this.verification.send(user, true);
    else this.mails.accountExists(user.email);
  }

  /** At most one sign-up mail per address per EMAIL_VERIFICATION_INTERVAL, so sign-up cannot flood an inbox. */
  private async mayMail(email: string): Promise<boolean> {
    return (await this.gate.claim('signup', email, this.config.emailVerification.intervalMs)) === 0;
  }
}
