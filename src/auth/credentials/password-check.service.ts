import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RequestMeta } from '../../audit/request-meta';
import { Errors } from '../../common/errors/api-error';
import { LockoutService } from '../../lockout/lockout.service';
import { PasswordHasher } from '../../passwords/password-hasher';
import { hashProfile } from '../../passwords/formats/hash-profile';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { PasswordProfiles } from '../../users/password-profiles/password-profiles.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { SignInRefused } from '../sign-in/sign-in-attempt';

/**
 * Checks an e-mail-or-username and password: the credential step of a password sign-in (step 2 of SignInFlow),
 * with what guessing passwords must cost: the lockout count and the same time for every failure.
 */
@Injectable()
export class PasswordCheck implements OnModuleInit {
  private readonly logger = new Logger('Credentials');
  /** Compared against when there is no user or no password, so every failure costs one bcrypt comparison. */
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

  /** The user whose password this is; otherwise throws SignInRefused. `meta` feeds the audit trail of a lock. */
  async check(emailOrUsername: string, password: string, meta: RequestMeta): Promise<User> {
    const found = await this.users.findByLogin(emailOrUsername);
    const user = found ? await this.lockout.releaseIfExpired(found, meta) : null;
    const matches = await this.compare(password, user?.passwordHash ?? null, user?.isLocked ?? false);
    if (!user) {
      const pastThreshold = await this.lockout.recordUnknownFailure(emailOrUsername);
      throw new SignInRefused(pastThreshold ? Errors.accountLocked() : Errors.invalidCredentials(), 'unknown_user', null);
    }
    // A locked account answers 423 whatever the password: answering differently for the right one would let a
    // guesser keep going through the lock. (The sign-in policy refuses a locked account too; here it must come
    // before the verdict.)
    if (user.isLocked) throw new SignInRefused(Errors.accountLocked(), 'locked', user.id);
    // A user made by Google sign-in has no password: the usual 401, however the dummy comparison went.
    if (!matches || !user.passwordHash) {
      await this.lockout.recordFailure(user, meta);
      throw new SignInRefused(Errors.invalidCredentials(), 'wrong_password', user.id);
    }
    await this.lockout.recordSuccess(user);
    this.rehashIfNeeded(user, password);
    return user;
  }

  /**
   * A failure must take the same time whoever the user is, or whether there is one (no user enumeration;
   * bench/login-timing.ts measures it). Every failed check therefore costs the same work: one bcrypt comparison at
   * BCRYPT_COST, plus one check of each kind of imported hash some users still have (PasswordProfiles). The user's
   * own hash counts for its kind; an unknown user, or one without a password, is compared with the dummies only. A
   * success skips the other kinds (its answer says more than its time), except on a locked account, whose 423 must
   * not be quicker for the right password.
   */
  private async compare(password: string, hash: string | null, locked: boolean): Promise<boolean> {
    const matches = await this.verifier.verify(password, hash ?? this.dummyHash);
    const standard = hash === null || this.verifier.isStandard(hash);
    if (!standard) await this.hasher.verify(password, this.dummyHash);
    if (matches && !locked) return true;
    const own = hash === null || standard ? null : hashProfile(hash)?.prefix;
    for (const profile of await this.profiles.active()) {
      if (profile.prefix !== own) await this.verifier.verify(password, profile.dummy);
    }
    return matches;
  }

  /**
   * Upgrades a hash made at another cost (e.g. the seed's $2b$06$) or by another system (imported argon2, scrypt,
   * PBKDF2) to bcrypt at BCRYPT_COST after a successful sign-in; best effort, and never over a concurrent change.
   */
  private rehashIfNeeded(user: User, password: string): void {
    const oldHash = user.passwordHash;
    if (!oldHash || !this.hasher.needsRehash(oldHash)) return;
    this.hasher
      .hash(password)
      .then((hash) => this.users.replacePasswordHash(user.id, oldHash, hash))
      .catch((e: Error) => this.logger.warn(`Rehash of user ${user.id} failed: ${e.message}`));
  }
}
