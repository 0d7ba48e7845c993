import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { Errors } from '../../common/errors/api-error';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { retryOnClash } from '../../database/retry-on-clash';
import { TransactionRunner } from '../../database/transaction-runner';
import type { GoogleProfile } from '../../google-auth/google-id-token.verifier';
import { ExternalAccountsService } from '../../users/identities/external-accounts.service';
import { User } from '../../users/user.entity';
import { SignInRefused } from '../sign-in/sign-in-attempt';
import { SignInPolicy } from '../sign-in/sign-in-policy';

export const GOOGLE_PROVIDER = 'google';

/**
 * Decides who a verified Google profile is, keyed on the Google account's `sub`, never on its e-mail alone
 * (https://developers.google.com/identity/siwg/best-practices): the user linked to that `sub`; else the user with
 * its e-mail, linked now, but only when that user's own address is verified and the user has no other Google account;
 * else a new user.
 * - An unverified local address proves nobody owns it: someone could have had an account created under a victim's
 *   address with a password of their own, and linking would hand them the victim's Google sign-ins (pre-hijacking).
 *   A synced account is refused with 409 `google_account_not_linked` (the owner signs in and links from the
 *   account); a signed-up one with 403 `email_not_verified` (SignInPolicy.assertMayLinkByEmail).
 * - A user linked to one Google account is never signed in with another, even with the same e-mail: Google gives a
 *   re-created mailbox a new `sub`, and so does whoever gets an abandoned address. 409 `google_account_mismatch`.
 * - A user whose owner unlinked Google is not linked back by e-mail (an owner who unlinks a Google account they no
 *   longer trust must not see it return on its next sign-in). 409 `google_account_not_linked`.
 * Each attempt is one transaction. Two simultaneous first sign-ins both try to insert: one loses on a unique key
 * (users.email, or the identity's keys), rolls back, and its retry finds what the winner wrote.
 */
@Injectable()
export class GoogleAccountsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: ExternalAccountsService,
    private readonly policy: SignInPolicy,
    private readonly audit: AuditService,
  ) {}

  async userFor(profile: GoogleProfile, meta: RequestMeta = {}): Promise<User> {
    try {
      const { user, linked } = await retryOnClash(() => this.tx.run((em) => this.resolve(em, profile)));
      if (linked) this.audit.record({ ...meta, type: 'identity.linked', subjectId: user.id, details: { provider: GOOGLE_PROVIDER, via: 'sign_in' } });
      return user;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw Errors.conflict('user_conflict', 'This Google account clashes with another sign-in in progress; try again');
    }
  }

  private async resolve(em: EntityManager, profile: GoogleProfile): Promise<{ user: User; linked: boolean }> {
    const linked = await this.accounts.findLinkedUser(em, GOOGLE_PROVIDER, profile.sub);
    if (linked) return { user: linked, linked: false };
    const byEmail = await this.accounts.findByEmail(em, profile.email);
    if (byEmail) {
      // Refused before linking: a locked, disabled or deleted account gains no new way in, and a signed-up account
      // whose address is not proven is never linked (see SignInPolicy.assertMayLinkByEmail). The sign-in policy
      // refuses the others in any case; here it must come before the link is written.
      this.policy.assertMayLinkByEmail(byEmail);
      const current = await this.accounts.findIdentity(em, GOOGLE_PROVIDER, byEmail.id);
      // Linked to this very Google account by a concurrent first sign-in that committed between the two reads above.
      if (current?.subject === profile.sub) return { user: byEmail, linked: false };
      if (current) throw SignInRefused.of(Errors.googleAccountMismatch(), byEmail);
      await this.assertLinkableByEmail(em, byEmail);
      await this.accounts.link(em, GOOGLE_PROVIDER, profile.sub, byEmail.id);
      return { user: byEmail, linked: true };
    }
    const user = await this.accounts.createUser(
      em,
      { email: profile.email, name: profile.name, firstName: profile.givenName, lastName: profile.familyName, avatar: profile.picture },
      GOOGLE_PROVIDER,
    );
    await this.accounts.link(em, GOOGLE_PROVIDER, profile.sub, user.id);
    return { user, linked: false };
  }

  /**
   * A user found by e-mail with no Google account linked is linked automatically only if its owner never unlinked one
   * (that decision stands until the owner links again) and its address is verified.
   */
  private async assertLinkableByEmail(em: EntityManager, user: User): Promise<void> {
    if (!user.emailVerified || (await this.accounts.hasUnlinked(em, GOOGLE_PROVIDER, user.id))) {
      throw SignInRefused.of(Errors.googleAccountNotLinked(), user);
    }
  }
}
