import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/request-meta';
import { UNLOCKED } from './user-lock';
import { User } from './user.entity';
import { nextGeneration } from './users.service';

/**
 * Writes of the lock columns. Each write is one conditional UPDATE, so two instances racing to lock (or to clear
 * an expired lock) do it once, and the boolean result says whether this call did it (for the audit trail).
 */
@Injectable()
export class UserLocksService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly audit: AuditService,
  ) {}

  /** Automatic lock after too many failed passwords; does nothing to an account already locked (e.g. by an admin). */
  async lockAfterFailures(id: string, now: Date, until: Date): Promise<boolean> {
    const result = await this.users.update(
      { id, isLocked: false },
      { isLocked: true, lockedAt: now, lockReason: 'failed_logins', lockedUntil: until },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Clears an automatic lock whose time is up; an admin lock, or one renewed meanwhile, is left alone. */
  async releaseExpiredLock(id: string, now: Date): Promise<boolean> {
    const result = await this.users.update(
      { id, isLocked: true, lockReason: 'failed_logins', lockedUntil: LessThanOrEqual(now) },
      { ...UNLOCKED },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Ends an automatic lock now, whatever its time left; an admin lock (or one without a reason) is left alone. */
  async endAutomaticLock(id: string): Promise<boolean> {
    const result = await this.users.update({ id, isLocked: true, lockReason: 'failed_logins' }, { ...UNLOCKED });
    return (result.affected ?? 0) > 0;
  }

  /**
   * An admin lock: never expires, and ends the user's sessions (token generation raised in the same UPDATE). The one
   * implementation behind POST /api/users/:id/lock; `meta` (requestMeta(request)) says where the change came from.
   * False when there is no live user with that id.
   */
  async lockByAdmin(id: string, actorId: string, meta: RequestMeta = {}): Promise<boolean> {
    const now = new Date();
    const result = await this.users.update(
      { id, deletedAt: IsNull() },
      { isLocked: true, lockedAt: now, lockReason: 'admin', lockedUntil: null, tokenGeneration: nextGeneration, updatedAt: now, updatedBy: actorId },
    );
    const done = (result.affected ?? 0) > 0;
    if (done) this.audit.record({ ...meta, type: 'account.locked', actorId, subjectId: id, details: { reason: 'admin' } });
    return done;
  }

  /** Admin unlock: clears any lock, automatic or not. False when there is no live user with that id. */
  async unlock(id: string, actorId: string, meta: RequestMeta = {}): Promise<boolean> {
    const now = new Date();
    const result = await this.users.update({ id, deletedAt: IsNull() }, { ...UNLOCKED, updatedAt: now, updatedBy: actorId });
    const done = (result.affected ?? 0) > 0;
    if (done) this.audit.record({ ...meta, type: 'account.unlocked', actorId, subjectId: id, details: { reason: 'admin' } });
    return done;
  }
}
