import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RequestMeta } from '../../audit/request-meta';
import { Errors } from '../../common/errors/api-error';
import { LockoutService } from '../../lockout/lockout.service';
import { bcryptCost } from '../../passwords/bcrypt-cost';
import { PasswordHasher } from '../../passwords/password-hasher';
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
    private readonly lockout: LockoutService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(24).toString('base64'));
  }

  /** The user whose password this is; otherwise throws SignInRefused. `meta` feeds the audit trail of a lock. */
  async check(emailOrUsername: string, password: string, meta: RequestMeta): Promise<User> {
    const found = await this.users.findByLogin(emailOrUsername);
    const user = found ? await this.lockout.releaseIfExpired(found, meta) : null;
    const matches = await this.compare(password, user?.passwordHash ?? null);
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
    // With two-factor sign-in the count starts over only once the code is right too (MfaCheck): otherwise the right
    // password, sent again for each new mfaToken, would wipe the wrong codes counted so far and allow endless guesses.
    if (!user.using2FA) await this.lockout.recordSuccess(user);
    this.rehashIfNeeded(user, password);
    return user;
  }

  /**
   * Always one comparison: an unknown user, a wrong password and a locked account must take the same time (no user
   * enumeration; bench/login-timing.ts measures it). A hash made at a lower cost (imported, or from before
   * BCRYPT_COST was raised) checks many times faster than the dummy: it is padded with one dummy comparison so such
   * accounts cannot be picked out by timing; that lasts only until the next successful sign-in rehashes them.
   */
  private async compare(password: string, hash: string | null): Promise<boolean> {
    const matches = await this.hasher.verify(password, hash ?? this.dummyHash);
    const cost = hash ? bcryptCost(hash) : null;
    if (cost !== null && cost < this.hasher.cost) await this.hasher.verify(password, this.dummyHash);
    return matches;
  }

  /** Upgrades a hash made at another cost (e.g. the seed's $2b$06$) after a successful sign-in; best effort. */
  private rehashIfNeeded(user: User, password: string): void {
    const oldHash = user.passwordHash;
    if (!oldHash || !this.hasher.needsRehash(oldHash)) return;
    this.hasher
      .hash(password)
      .then((hash) => this.users.replacePasswordHash(user.id, oldHash, hash))
      .catch((e: Error) => this.logger.warn(`Rehash of user ${user.id} failed: ${e.message}`));
  }
}
