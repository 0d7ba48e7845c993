import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { ApiError } from '../../common/errors/api-error';
import { Metrics } from '../../metrics/metrics';
import { SignInRefused, Verified } from './sign-in-attempt';

/**
 * What a sign-in leaves behind: the audit trail (`login.succeeded` with the factors used, `login.failed` with its
 * reason and, when one was found, the user) and the sign-in counter of /metrics (method, result, reason: never a
 * user, an address or the credential itself).
 */
@Injectable()
export class SignInRecord {
  constructor(
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
  ) {}

  succeeded(method: string, meta: RequestMeta, { user, method: firstFactor, secondFactor }: Verified): void {
    this.audit.record({ ...meta, type: 'login.succeeded', subjectId: user.id, details: secondFactor ? { method: firstFactor, secondFactor } : { method } });
    this.metrics.signIn(method, 'succeeded');
  }

  /** A refusal (an invalid Google token included); the server's own failures (a database outage) are not one. */
  failed(method: string, meta: RequestMeta, error: unknown): void {
    if (!(error instanceof ApiError)) return;
    const [reason, subjectId] = error instanceof SignInRefused ? [error.reason, error.userId] : [error.code, null];
    this.audit.record({ ...meta, type: 'login.failed', subjectId, details: { method, reason } });
    this.metrics.signIn(method, 'failed', reason);
  }
}
