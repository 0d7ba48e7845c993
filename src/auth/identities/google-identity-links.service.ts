import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { Errors } from '../../common/errors/api-error';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { retryOnClash } from '../../database/retry-on-clash';
import { TransactionRunner } from '../../database/transaction-runner';
import { GoogleIdTokenStrategy } from '../../google-auth/google-id-token.strategy';
import { ExternalAccountsService } from '../../users/identities/external-accounts.service';
import { Identity } from '../../users/identities/identity.entity';
import { User } from '../../users/user.entity';
import { GOOGLE_PROVIDER } from '../credentials/google-accounts.service';

/**
 * The owner's own linking of a Google account, from a signed-in session: the way to link an account whose e-mail
 * is not verified (Google sign-in refuses to link those by e-mail), or whose Google account has another address.
 * The ID token proves the caller holds the Google account; the Bearer token, that they hold this one.
 */
@Injectable()
export class GoogleIdentityLinks {
  constructor(
    private readonly googleTokens: GoogleIdTokenStrategy,
    private readonly tx: TransactionRunner,
    private readonly accounts: ExternalAccountsService,
    private readonly audit: AuditService,
  ) {}

  /** Links the Google account of `idToken` to `user`; linking it again is a no-op. */
  async link(user: User, idToken: string, meta: RequestMeta): Promise<Identity> {
    const { sub } = await this.googleTokens.verify(idToken);
    try {
      const { identity, created } = await retryOnClash(() => this.tx.run((em) => this.linkOnce(em, user.id, sub)));
      if (created) this.audit.record({ ...meta, type: 'identity.linked', actorId: user.id, subjectId: user.id, details: { provider: GOOGLE_PROVIDER, via: 'owner' } });
      return identity;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw Errors.conflict('conflict', 'This Google account or this user was linked meanwhile; try again');
    }
  }

  /** Unlinks the user's Google account, unless it is the only way left to sign in (no password). */
  async unlink(user: User, meta: RequestMeta): Promise<void> {
    await this.tx.run(async (em) => {
      if (!(await this.accounts.findIdentity(em, GOOGLE_PROVIDER, user.id))) throw Errors.notFound('No Google account is linked to this user');
      if (!(await this.accounts.hasPassword(em, user.id))) throw Errors.lastSignInMethod();
      await this.accounts.unlink(em, GOOGLE_PROVIDER, user.id);
    });
    this.audit.record({ ...meta, type: 'identity.unlinked', actorId: user.id, subjectId: user.id, details: { provider: GOOGLE_PROVIDER } });
  }

  private async linkOnce(em: EntityManager, userId: string, sub: string): Promise<{ identity: Identity; created: boolean }> {
    const owner = await this.accounts.findLinkedUser(em, GOOGLE_PROVIDER, sub);
    const current = await this.accounts.findIdentity(em, GOOGLE_PROVIDER, userId);
    if (owner && owner.id !== userId) throw Errors.googleAccountLinkedElsewhere();
    if (current && current.subject === sub) return { identity: current, created: false };
    if (current) throw Errors.googleAccountMismatch();
    return { identity: await this.accounts.link(em, GOOGLE_PROVIDER, sub, userId), created: true };
  }
}
