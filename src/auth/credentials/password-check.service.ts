import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RequestMeta } from '../../audit/request-meta';
import { ApiError, Errors } from '../../common/errors/api-error';
import { LockoutService } from '../../lockout/lockout.service';
import { normalizePassword } from '../../common/validation/password.validator';
import { passwordForms } from '../../passwords/password-forms';
import { PasswordHasher } from '../../passwords/password-hasher';
import { hashProfile } from '../../passwords/formats/hash-profile';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { PasswordProfiles } from '../../users/password-profiles/password-profiles.service';
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
  // Stryker disable next-line StringLiteral: equivalent, onModuleInit sets it before any check
  private dummyHash = '';

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly verifier: PasswordVerifier,
    private readonly lockout: LockoutService,
    private readonly profiles: PasswordProfiles,
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
    const matched = await this.compare(password, user?.passwordHash ?? null, refusal !== null);
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
   * A failure must take the same time whoever the user is, or whether there is one (no user enumeration;
   * bench/login-timing.ts measures it). Every failed check therefore costs the same work: one bcrypt comparison at
   * BCRYPT_COST, plus one check of each kind of imported hash some users still have (PasswordProfiles). The user's
   * own hash counts for its kind; an unknown user, or one without a password, is compared with the dummies only. A
   * success skips the other kinds (its answer says more than its time), except when the attempt is refused anyway
   * (a locked budget), whose 423 must not be quicker for the right password.
   * The typed password is compared in each of its forms (passwordForms: NFC, then as typed), so how many comparisons
   * a failure costs depends on what was typed, never on the account. A password that cannot be one (over 72 bytes:
   * bcrypt would compare its first 72 only) is not compared with the user's hash at all, but with the dummy, as every
   * failure is. Returns the form that matched.
   */
  private async compare(password: string, stored: string | null, refused: boolean): Promise<string | null> {
    const forms = passwordForms(password);
    const hash = forms.length > 0 ? stored : null;
    let matched: string | null = null;
    for (const form of forms.length > 0 ? forms : [password]) {
      if ((await this.verifier.verify(form, hash ?? this.dummyHash)) && hash) {
        matched = form;
        break;
      }
    }
    // The user's own hash when it is not bcrypt at BCRYPT_COST: padded with the dummy, and counted for its kind below.
    const imported = hash !== null && !this.verifier.isStandard(hash) ? hash : null;
    if (imported !== null) await this.hasher.verify(password, this.dummyHash);
    if (matched !== null && !refused) return matched;
    const own = imported === null ? null : hashProfile(imported)?.prefix;
    for (const profile of await this.profiles.active()) {
      if (profile.prefix !== own) await this.verifier.verify(password, profile.dummy);
    }
    return matched;
  }

  /**
   * After a successful sign-in, upgrades a hash made at another cost (e.g. the seed's $2b$06$), by another system
   * (imported argon2, scrypt, PBKDF2), or from a password that was not NFC (before passwords were normalised) to
   * bcrypt at BCRYPT_COST of the NFC form, which every way of typing the password then matches. Best effort, and
   * never over a concurrent change.
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
