import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { ApiError, Errors } from '../common/errors/api-error';
import { LockoutService } from '../lockout/lockout.service';
import { bcryptCost } from '../passwords/bcrypt-cost';
import { PasswordHasher } from '../passwords/password-hasher';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { assertMaySignIn } from './sign-in-policy';

/**
 * Checks an e-mail-or-username and password; the one place that decides whether a password sign-in succeeds, so
 * every password route (`/api/auth/login`, the Orion `/users/login`) gets the lockout and the audit trail.
 */
@Injectable()
export class CredentialsService implements OnModuleInit {
  private readonly logger = new Logger('Credentials');
  /** Compared against when there is no user or no password, so every failure costs one bcrypt comparison. */
  private dummyHash = '';

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LockoutService,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(24).toString('base64'));
  }

  /** `meta` (requestMeta(request)) only feeds the audit trail; the checks are the same without it. */
  async verifyPassword(emailOrUsername: string, password: string, meta: RequestMeta = {}): Promise<User> {
    const found = await this.users.findByLogin(emailOrUsername);
    const user = found ? await this.lockout.releaseIfExpired(found, meta) : null;
    // Always run one comparison: an unknown user, a wrong password and a locked account must take the same time
    // (no user enumeration; bench/login-timing.ts measures it).
    const matches = await this.hasher.verify(password, user?.passwordHash ?? this.dummyHash);
    // A hash made at a lower cost (imported, or from before BCRYPT_COST was raised) checks many times faster than the
    // dummy: pad with one dummy comparison so such accounts cannot be picked out by timing. It lasts only until the
    // next successful sign-in rehashes them.
    const cost = user?.passwordHash ? bcryptCost(user.passwordHash) : null;
    if (cost !== null && cost < this.hasher.cost) await this.hasher.verify(password, this.dummyHash);
    if (!user) {
      const pastThreshold = await this.lockout.recordUnknownFailure(emailOrUsername);
      throw this.failed(meta, null, 'unknown_user', pastThreshold ? Errors.accountLocked() : Errors.invalidCredentials());
    }
    // A locked account answers 423 whatever the password: answering differently for the right one would let a
    // guesser keep going through the lock.
    if (user.isLocked) throw this.failed(meta, user, 'locked', Errors.accountLocked());
    // A user made by Google sign-in has no password: the usual 401, however the dummy comparison went.
    if (!matches || !user.passwordHash) {
      await this.lockout.recordFailure(user, meta);
      throw this.failed(meta, user, 'wrong_password', Errors.invalidCredentials());
    }
    try {
      assertMaySignIn(user);
    } catch (e) {
      const refusal = e as ApiError;
      throw this.failed(meta, user, refusal.code, refusal);
    }
    await this.lockout.recordSuccess(user);
    this.audit.record({ ...meta, type: 'login.succeeded', subjectId: user.id, details: { method: 'password' } });
    this.rehashIfNeeded(user, password);
    return user;
  }

  private failed(meta: RequestMeta, user: User | null, reason: string, error: ApiError): ApiError {
    this.audit.record({ ...meta, type: 'login.failed', subjectId: user?.id ?? null, details: { method: 'password', reason } });
    return error;
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
