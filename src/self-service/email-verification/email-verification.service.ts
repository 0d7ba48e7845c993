import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { ApiError, Errors } from '../../common/errors/api-error';
import { selfServiceConfig } from '../../config/self-service.config';
import { AccountMails } from '../../mail/account-mails.service';
import { IntervalGate } from '../../rate-limit/interval-gate';
import { SelfServiceUsers } from '../../users/self-service/self-service-users.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { AccountTokens } from '../account-tokens/account-tokens.service';
import { EmailVerifiedResponseDto } from './dto/email-verified-response.dto';

/** Proving an address: a link mailed to it (signed in, or after a sign-up), and the link followed. */
@Injectable()
export class EmailVerification {
  constructor(
    @Inject(selfServiceConfig.KEY) private readonly config: ConfigType<typeof selfServiceConfig>,
    private readonly users: UsersService,
    private readonly selfService: SelfServiceUsers,
    private readonly tokens: AccountTokens,
    private readonly gate: IntervalGate,
    private readonly mails: AccountMails,
    private readonly audit: AuditService,
  ) {}

  /**
   * POST /api/users/me/email/verification: a link to the caller's current address (read now, not from the token
   * check's cache). Returns 0 when it is on its way, else the milliseconds until one may be asked for again: at most
   * one per address per EMAIL_VERIFICATION_INTERVAL. The caller is the account's owner, so saying so is no leak.
   */
  async sendToCaller(caller: User): Promise<number> {
    const user = await this.users.findById(caller.id);
    if (!user) throw Errors.unauthenticated('The user of this token can no longer sign in');
    if (user.emailVerified) throw new ApiError(HttpStatus.CONFLICT, 'email_already_verified', 'This e-mail address is already verified');
    const wait = await this.gate.claim('email-verification', user.email, this.config.emailVerification.intervalMs);
    if (wait === 0) await this.send(user, false);
    return wait;
  }

  /** A link to the user's address (its newest: an earlier one stops working). No interval here: the caller's. */
  async send(user: User, afterSignUp: boolean): Promise<void> {
    const { ttlMs } = this.config.emailVerification;
    const token = await this.tokens.issue(user, 'email_verification', ttlMs);
    this.mails.verification(user.email, token, ttlMs, afterSignUp);
  }

  /** POST /api/auth/email/verify: the link's token proves the address it was sent to, if the account still has it. */
  async verify(token: string, meta: RequestMeta): Promise<EmailVerifiedResponseDto> {
    const live = await this.tokens.find(token, 'email_verification');
    if (!live) throw Errors.invalidVerificationToken();
    const { row, user } = live;
    await this.tokens.redeem(row, (em) => this.selfService.markEmailVerified(em, user.id, row.email), Errors.invalidVerificationToken);
    this.audit.record({ ...meta, type: 'email.verified', subjectId: user.id });
    return { email: row.email, emailVerified: true };
  }
}
