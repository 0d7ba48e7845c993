import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { abuseConfig } from '../config/abuse.config';
import { Metrics } from '../metrics/metrics';
import { isLockExpired, UNLOCKED } from '../users/user-lock';
import { UserLocksService } from '../users/user-locks.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { FailureCounter } from './failure-counter';

/**
 * Account lockout: LOCKOUT_THRESHOLD consecutive failed passwords within LOCKOUT_WINDOW lock the account for
 * LOCKOUT_DURATION. The count lives in the FailureCounter (Redis when configured, so it is shared by all
 * instances); the lock itself is written to the user row, so every instance honours it.
 */
@Injectable()
export class LockoutService {
  constructor(
    @Inject(abuseConfig.KEY) private readonly config: ConfigType<typeof abuseConfig>,
    private readonly counter: FailureCounter,
    private readonly locks: UserLocksService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
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
    await this.counter.reset(user.id);
    this.audit.record({ ...meta, type: 'account.unlocked', subjectId: user.id, details: { reason: 'expired' } });
    return Object.assign(user, UNLOCKED);
  }

  /** After a wrong password. Returns true when this failure locked the account. */
  async recordFailure(user: User, meta: RequestMeta): Promise<boolean> {
    const { threshold, windowMs, durationMs } = this.config.lockout;
    const failures = await this.counter.increment(user.id, windowMs);
    if (failures < threshold) return false;
    const now = new Date();
    const until = new Date(now.getTime() + durationMs);
    const locked = await this.locks.lockAfterFailures(user.id, now, until);
    await this.counter.reset(user.id);
    if (locked) {
      this.metrics.lockout();
      this.audit.record({ ...meta, type: 'account.locked', subjectId: user.id, details: { failures, lockedUntil: until.toISOString() } });
    }
    return locked;
  }

  /**
   * After a sign-in attempt for an e-mail or username that matches no user. Counted like a real account's failures
   * (under a hash of the identifier, so no address is stored), and true once past the threshold: the caller then
   * answers 423 as for a locked account. Otherwise an attacker could tell real accounts, which lock, from unknown
   * ones, which would answer 401 for ever.
   */
  async recordUnknownFailure(identifier: string): Promise<boolean> {
    const { threshold, windowMs, durationMs } = this.config.lockout;
    const key = `unknown:${createHash('sha256').update(identifier.trim().toLowerCase()).digest('hex')}`;
    return (await this.counter.increment(key, Math.max(windowMs, durationMs))) > threshold;
  }

  /** After a successful sign-in: the failures so far no longer count. */
  recordSuccess(user: User): Promise<void> {
    return this.counter.reset(user.id);
  }
}
