import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { BackgroundWork } from '../../common/process/background-work';
import { selfServiceConfig } from '../../config/self-service.config';
import { AccountMails } from '../../mail/account-mails.service';
import { IntervalGate } from '../../rate-limit/interval-gate';
import { SelfServiceUsers } from '../../users/self-service/self-service-users.service';
import { AccountTokens } from '../account-tokens/account-tokens.service';

/**
 * POST /api/auth/password/forgot. The caller is answered 202 before anything about the address is looked at, so
 * the answer (status, body, time) is the same for an account and for no account: all the work below runs after it.
 */
@Injectable()
export class ResetRequests {
  constructor(
    @Inject(selfServiceConfig.KEY) private readonly config: ConfigType<typeof selfServiceConfig>,
    private readonly background: BackgroundWork,
    private readonly gate: IntervalGate,
    private readonly users: SelfServiceUsers,
    private readonly tokens: AccountTokens,
    private readonly mails: AccountMails,
    private readonly audit: AuditService,
  ) {}

  request(email: string, meta: RequestMeta): void {
    this.background.afterResponse('Password reset request', () => this.mailLink(email, meta));
  }

  private async mailLink(email: string, meta: RequestMeta): Promise<void> {
    const { ttlMs, intervalMs } = this.config.passwordReset;
    // At most one mail per address per interval, counted for unknown addresses too (it is about the inbox). A
    // request inside the interval sends nothing and issues nothing: the mail already sent holds a valid link.
    if ((await this.gate.claim('password-reset', email, intervalMs)) > 0) return;
    const user = await this.users.findByEmail(email);
    // No mail to a deleted or disabled account: it could not sign in with a new password anyway.
    if (!user || user.deletedAt || !user.isActive) return;
    const token = await this.tokens.issue(user, 'password_reset', ttlMs);
    this.mails.passwordReset(user.email, token, ttlMs);
    this.audit.record({ ...meta, type: 'password.reset_requested', subjectId: user.id });
  }
}
