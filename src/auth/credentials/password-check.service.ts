import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RequestMeta } from '../../audit/request-meta';
import { ApiError, Errors } from '../../common/errors/api-error';
import { LockoutService } from '../../lockout/lockout.service';
import { normalizePassword } from '../../common/validation/password.validator';
import { bcryptCost } from '../../passwords/bcrypt-cost';
import { passwordForms } from '../../passwords/password-forms';
import { PasswordHasher } from '../../passwords/password-hasher';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { SignInRefused } from '../sign-in/sign-in-attempt';

/**
 * Checks an e-mail-or-username and password: the credential step of a password sign-in (step 2 of SignInFlow),
 * with what guessing passwords must cost: the lockout (per account, or per device), the per-account rate limit, and
 * the same time for every failure.
 */
@Injectable()
export class PasswordCheck implements OnModuleInit {
  private readonly logger = new Logger('Credentials');
  /** Compared against when there is no user or no password, so every failure costs one bcrypt comparison. */
  private dummyHash = '';

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LockoutService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(24).toString('base64'));
  }

  /**
   * The user whose password this is; otherwise throws SignInRefused. `meta` feeds the audit trail of a lock;
   * `deviceTokens` (as presented) say whose budget a failure spends: a device's, or the account's (LockoutService).
   */
  async check(emailOrUsername: string, password: string, meta: RequestMeta, deviceTokens: readonly string[] = []): Promise<User> {
    const found = await this.users.findByLogin(emailOrUsername);
    const user = found ? await this.lockout.releaseIfExpired(found, meta) : null;
    const { budget, refusal } = await this.lockout.admit(user ?? emailOrUsername, deviceTokens);
    const refused = (error: ApiError, reason: string) => new SignInRefused(error, user ? reason : 'unknown_user', user?.id ?? null);
    // Over the rate limit: no comparison at all, which is what the limit is for (a known and an unknown account alike).
    if (refusal?.retryAfterSeconds !== undefined) throw refused(refusal, 'rate_limited');
    const matched = await this.compare(password, user?.passwordHash ?? null);
    // A locked budget answers 423 whatever the password, after the same comparison: answering differently for the
    // right one would let a guesser keep going through the lock.
    if (refusal) throw refused(refusal, 'locked');
    // An unknown user, a wrong password, or a user made by Google sign-in (no password): the one 401.
    if (!user || matched === null || !user.passwordHash) {
      await this.lockout.recordFailure(budget, meta);
      throw refused(Errors.invalidCredentials(), 'wrong_password');
    }
    // The right password. An account an admin locked is refused by the sign-in policy after this (423): only
    // someone who knows the password learns that it is locked. With two-factor sign-in the count starts over only
    // once the code is right too (MfaCheck): otherwise the right password, sent again for each new mfaToken, would
    // wipe the wrong codes counted so far and allow endless guesses.
    if (!user.using2FA) await this.lockout.recordSuccess(budget);
    this.rehashIfNeeded(user, matched);
    return user;
  }

  /**
   * Always one comparison: an unknown user, a wrong password and a locked account must take the same time (no user
   * enumeration; bench/login-timing.ts measures it). A hash made at a lower cost (imported, or from before
   * BCRYPT_COST was raised) checks many times faster than the dummy: it is padded with one dummy comparison so such
   * accounts cannot be picked out by timing; that lasts only until the next successful sign-in rehashes them.
   * The typed password is compared in each of its forms (passwordForms: NFC, then as typed), so how many comparisons
   * a failure costs depends on what was typed, never on the account. A password that cannot be one (over 72 bytes:
   * bcrypt would compare its first 72 only) is not compared with the user's hash at all, but still costs a
   * comparison with the dummy, as every failure does. Returns the form that matched.
   */
  private async compare(password: string, hash: string | null): Promise<string | null> {
    const forms = passwordForms(password);
    const target = forms.length > 0 ? hash : null;
    let matched: string | null = null;
    for (const form of forms.length > 0 ? forms : [password]) {
      if ((await this.hasher.verify(form, target ?? this.dummyHash)) && target) {
        matched = form;
        break;
      }
    }
    const cost = target ? bcryptCost(target) : null;
    if (cost !== null && cost < this.hasher.cost) await this.hasher.verify(password, this.dummyHash);
    return matched;
  }

  /**
   * After a successful sign-in, upgrades a hash made at another cost (e.g. the seed's $2b$06$), or made from a
   * password that was not NFC (before passwords were normalised): the new hash is of the NFC form, which every way
   * of typing the password then matches. Best effort.
   */
  private rehashIfNeeded(user: User, matched: string): void {
    const oldHash = user.passwordHash;
    const normalized = normalizePassword(matched);
    if (!oldHash || (normalized === matched && !this.hasher.needsRehash(oldHash))) return;
    this.hasher
      .hash(normalized)
      .then((hash) => this.users.replacePasswordHash(user.id, oldHash, hash))
      .catch((e: Error) => this.logger.warn(`Rehash of user ${user.id} failed: ${e.message}`));
  }
}
