import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { ApiError, Errors } from '../common/errors/api-error';
import { abuseConfig } from '../config/abuse.config';
import { normalizeIdentifier } from '../common/validation/normalize';
import { Metrics } from '../metrics/metrics';
import { isAdminLocked, isEffectivelyLocked, isLockExpired, UNLOCKED } from '../users/user-lock';
import { UserLocksService } from '../users/user-locks.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DeviceCredentials } from './device-credentials';
import { FailureCounter, Window } from './failure-counter';

/**
 * Whose budget of failed passwords an attempt spends: the account's, shared by every client without a valid device
 * credential for it (`untrusted`), or one device's (`device:<id>`). The account is a user id, or
 * `unknown:<sha256 of the identifier>` when the identifier matches no user.
 */
export interface Budget {
  scope: string;
  holder: string;
  /** The user whose row holds this budget's lock: the untrusted budget of a real account no admin locked. */
  lockRow: User | null;
}

/** What LockoutService.admit decided before any password is compared. */
export interface Admission {
  budget: Budget;
  /** 423 (this budget is locked) or 429 (LOGIN_RATE_LIMIT_ACCOUNT), or null: the password may be checked. */
  refusal: ApiError | null;
}

/** The windows a budget counts in, fields of its account's scope. */
const field = (budget: Budget, name: 'failures' | 'attempts' | 'locked') => `${budget.holder}:${name}`;

/**
 * Smart lockout (after Microsoft Entra's smart lockout and OWASP's "Slow Down Online Guessing Attacks with Device
 * Cookies"). Failed passwords are counted per account for clients without a device credential, and per device for
 * a client that signed in before (DeviceCredentials). LOCKOUT_THRESHOLD failures within LOCKOUT_WINDOW lock that
 * budget for LOCKOUT_DURATION: locked out are then the clients without a credential, or that one device, never the
 * owner's other devices, and never a session (only an admin lock ends those). Besides, each budget may spend at most
 * LOGIN_RATE_LIMIT_ACCOUNT attempts that do not sign in per LOGIN_RATE_LIMIT_WINDOW (429).
 *
 * Only a failed credential check counts toward the lock; a success, or a request refused as invalid (which never gets
 * here), never counts. The username and the e-mail of one account share its count (counted by user id). An identifier
 * that matches no user, and an account an admin locked, go through the same steps, with the lock kept beside the
 * counts, so neither can be told from a real, open account by how it answers (the right password aside).
 *
 * The counts live in the FailureCounter (Redis when configured, shared by all instances); the lock of a real account
 * is written to the user row (`lockReason = failed_logins`), so every instance honours it and admins see it.
 */
@Injectable()
export class LockoutService {
  constructor(
    @Inject(abuseConfig.KEY) private readonly config: ConfigType<typeof abuseConfig>,
    private readonly counter: FailureCounter,
    private readonly locks: UserLocksService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly devices: DeviceCredentials,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Before checking a password: an automatic lock whose time is up is cleared (columns reset, counting starts
   * over) and the user is returned as unlocked. Admin locks are returned untouched.
   */
  async releaseIfExpired(user: User, meta: RequestMeta): Promise<User> {
    const now = new Date();
    if (!isLockExpired(user, now)) return user;
    if (!(await this.locks.releaseExpiredLock(user.id, now))) {
      // Another instance cleared it first, or an admin locked the account meanwhile: the row says which.
      return (await this.users.findById(user.id)) ?? user;
    }
    await this.counter.reset(user.id, ['untrusted:failures']);
    this.audit.record({ ...meta, type: 'account.unlocked', subjectId: user.id, details: { reason: 'expired' } });
    return Object.assign(user, UNLOCKED);
  }

  /**
   * Before the password is compared: the budget this attempt spends (`account` is the user, or the identifier typed
   * when it matched none; `deviceTokens` what the client presented), and its refusal if the budget is locked or over
   * the rate limit. A refused attempt still counts toward the rate limit, as an attempt that did not sign in.
   */
  async admit(account: User | string, deviceTokens: readonly string[]): Promise<Admission> {
    const budget = this.budgetFor(account, deviceTokens);
    const refusal = this.refusal(budget, await this.counter.read(budget.scope));
    if (refusal) await this.counter.increment(budget.scope, [[field(budget, 'attempts'), this.config.rateLimit.windowMs]]);
    if (refusal?.retryAfterSeconds !== undefined) this.metrics.rateLimit('login-account');
    return { budget, refusal };
  }

  /** After a wrong password (or an unknown identifier): counted, and the budget locked at the threshold. */
  async recordFailure(budget: Budget, meta: RequestMeta): Promise<void> {
    const [failures] = await this.counter.increment(budget.scope, [
      [field(budget, 'failures'), this.config.lockout.windowMs],
      [field(budget, 'attempts'), this.config.rateLimit.windowMs],
    ]);
    if (failures >= this.config.lockout.threshold) await this.lock(budget, failures, meta);
  }

  /** After the right password: the failures of this budget so far no longer count. */
  recordSuccess(budget: Budget): Promise<void> {
    return this.counter.reset(budget.scope, [field(budget, 'failures')]);
  }

  /**
   * Ends an automatic lock of the account before its time (a successful password reset proves the owner), never an
   * admin lock, and forgets every count of the account and of its devices.
   */
  async endAutomaticLock(userId: string, meta: RequestMeta): Promise<void> {
    if (await this.locks.endAutomaticLock(userId)) {
      this.audit.record({ ...meta, type: 'account.unlocked', subjectId: userId, details: { reason: 'owner_proven' } });
    }
    await this.counter.reset(userId);
  }

  private budgetFor(account: User | string, deviceTokens: readonly string[]): Budget {
    if (typeof account === 'string') {
      // Stryker disable next-line StringLiteral: equivalent, every unknown identifier's budget names its fields alike
      return { scope: unknownScope(account), holder: 'untrusted', lockRow: null };
    }
    const device = this.devices.trustedDevice(account, deviceTokens);
    if (device) return { scope: account.id, holder: `device:${device}`, lockRow: null };
    return { scope: account.id, holder: 'untrusted', lockRow: isAdminLocked(account) ? null : account };
  }

  private refusal(budget: Budget, windows: Map<string, Window>): ApiError | null {
    const attempts = windows.get(field(budget, 'attempts'));
    if (attempts && attempts.count >= this.config.rateLimit.perAccount) {
      return Errors.rateLimited('Too many sign-in attempts', (attempts.endsAt - Date.now()) / 1000);
    }
    const locked = budget.lockRow ? isEffectivelyLocked(budget.lockRow, new Date()) : windows.has(field(budget, 'locked'));
    return locked ? Errors.accountLocked() : null;
  }

  /**
   * The lock: in the user row for a real account's untrusted budget (shared by every instance, seen by admins,
   * audited), else beside the counts, where it ends by itself after LOCKOUT_DURATION just the same. Counting then
   * starts over.
   */
  private async lock(budget: Budget, failures: number, meta: RequestMeta): Promise<void> {
    const { durationMs } = this.config.lockout;
    await this.counter.reset(budget.scope, [field(budget, 'failures')]);
    const now = new Date();
    const until = new Date(now.getTime() + durationMs);
    this.metrics.lockout();
    if (budget.lockRow && (await this.locks.lockAfterFailures(budget.lockRow.id, now, until))) {
      this.audit.record({ ...meta, type: 'account.locked', subjectId: budget.lockRow.id, details: { failures, lockedUntil: until.toISOString() } });
      return;
    }
    // No row to lock (an unknown identifier, a device, an account an admin locked), or it was locked meanwhile.
    await this.counter.increment(budget.scope, [[field(budget, 'locked'), durationMs]]);
  }
}

/** Under a hash of the identifier, normalised as a real account is looked up: no e-mail address is stored. */
function unknownScope(identifier: string): string {
  const hash = createHash('sha256').update(normalizeIdentifier(identifier));
  // Stryker disable next-line StringLiteral: equivalent, any encoding of the digest keeps identifiers apart
  const digest = hash.digest('hex');
  return `unknown:${digest}`;
}
