import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Errors } from '../../common/errors/api-error';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import type { GoogleProfile } from '../../google-auth/google-id-token.verifier';
import { ExternalAccountsService } from '../../users/identities/external-accounts.service';
import { User } from '../../users/user.entity';
import { SignInPolicy } from '../sign-in/sign-in-policy';

export const GOOGLE_PROVIDER = 'google';

/** How often a sign-in retries after losing a race to create the same user or link (the loser then finds it). */
const MAX_ATTEMPTS = 3;

/**
 * Decides who a verified Google profile is: the user already linked to its `sub`; else the user with its e-mail
 * (linked now: Google has verified the address, which the verifier insists on); else a new user.
 * Linking by e-mail trusts that whoever holds the existing account owns that address: true of accounts from trusted
 * systems' syncs, not of open sign-up until the address is verified, so an unverified signed-up account is never
 * linked (or someone could pre-register a victim's address with a password of their own and keep access after it).
 * Each attempt is one transaction. Two simultaneous first sign-ins both try to insert: one loses on a unique key
 * (users.email, or the identity's (provider, subject)), rolls back, and its retry finds what the winner wrote.
 */
@Injectable()
export class GoogleAccountsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: ExternalAccountsService,
    private readonly policy: SignInPolicy,
  ) {}

  async userFor(profile: GoogleProfile): Promise<User> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run((em) => this.resolve(em, profile));
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        if (attempt >= MAX_ATTEMPTS) {
          throw Errors.conflict('user_conflict', 'This Google account clashes with another sign-in in progress; try again');
        }
      }
    }
  }

  private async resolve(em: EntityManager, profile: GoogleProfile): Promise<User> {
    const linked = await this.accounts.findLinkedUser(em, GOOGLE_PROVIDER, profile.sub);
    if (linked) return linked;
    const byEmail = await this.accounts.findByEmail(em, profile.email);
    if (byEmail) {
      // Refused before linking: a locked, disabled or deleted account gains no new way in, and a signed-up account
      // whose address is not proven is never linked (see SignInPolicy.assertMayLinkByEmail). The sign-in policy
      // refuses the others in any case; here it must come before the link is written.
      this.policy.assertMayLinkByEmail(byEmail);
      await this.accounts.link(em, GOOGLE_PROVIDER, profile.sub, byEmail.id);
      return byEmail;
    }
    const user = await this.accounts.createUser(
      em,
      { email: profile.email, name: profile.name, firstName: profile.givenName, lastName: profile.familyName, avatar: profile.picture },
      GOOGLE_PROVIDER,
    );
    await this.accounts.link(em, GOOGLE_PROVIDER, profile.sub, user.id);
    return user;
  }
}
