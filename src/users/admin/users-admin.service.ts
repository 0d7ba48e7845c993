import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/request-meta';
import { Errors } from '../../common/errors/api-error';
import { PasswordHasher } from '../../passwords/password-hasher';
import { PasswordPolicy } from '../../passwords/password-policy';
import { AdminUpdateUserDto } from '../dto/admin-update-user.dto';
import { profileChanges } from '../profile-changes';
import { UserLocksService } from '../user-locks.service';
import { User } from '../user.entity';
import { nextGeneration } from '../users.service';

/**
 * Admin writes on one user. Each is a single UPDATE of a live (not soft-deleted) user, so an unknown or deleted
 * id is a 404 and nothing is half-written. Whatever must end the user's sessions (lock, delete, new password,
 * disabling) raises tokenGeneration in that same UPDATE: the access and refresh tokens issued before stop working
 * atomically with the change, with no call into AuthModule (and so no circular import or lost event).
 */
@Injectable()
export class UsersAdminService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly audit: AuditService,
    private readonly locks: UserLocksService,
  ) {}

  update(id: string, dto: AdminUpdateUserDto, actorId: string): Promise<User> {
    const changes: QueryDeepPartialEntity<User> = { ...profileChanges(dto) };
    if (dto.roles !== undefined) changes.roles = dto.roles;
    if (dto.isActive !== undefined) changes.isActive = dto.isActive;
    // Disabling ends the sessions; so does a change of roles: issued tokens carry the old `groups`, which other
    // services trust until the tokens expire.
    if (dto.isActive === false || dto.roles !== undefined) changes.tokenGeneration = nextGeneration;
    return this.apply(id, changes, actorId, 'update');
  }

  /** An admin lock never expires (lockReason `admin`), unlike an automatic lock after failed passwords. */
  async lock(id: string, actorId: string, meta: RequestMeta = {}): Promise<User> {
    if (!(await this.locks.lockByAdmin(id, actorId, meta))) throw Errors.notFound(`No user with id ${id}`);
    return this.users.findOneByOrFail({ id });
  }

  /** Clears any lock, automatic or admin. */
  async unlock(id: string, actorId: string, meta: RequestMeta = {}): Promise<User> {
    if (!(await this.locks.unlock(id, actorId, meta))) throw Errors.notFound(`No user with id ${id}`);
    return this.users.findOneByOrFail({ id });
  }

  async setPassword(id: string, password: string, actorId: string): Promise<void> {
    this.policy.check(password, 'password');
    const passwordHash = await this.hasher.hash(password);
    await this.apply(id, { passwordHash, tokenGeneration: nextGeneration }, actorId, 'set_password');
  }

  /** Soft delete: the row stays (audit, restore by sync), login answers the usual 401. */
  async softDelete(id: string, actorId: string): Promise<void> {
    const now = new Date();
    await this.write(id, { deletedAt: now, deletedBy: actorId, updatedAt: now, updatedBy: actorId, tokenGeneration: nextGeneration }, actorId, 'delete');
  }

  private async apply(id: string, changes: QueryDeepPartialEntity<User>, actorId: string, action: string): Promise<User> {
    await this.write(id, { ...changes, updatedAt: new Date(), updatedBy: actorId }, actorId, action);
    return this.users.findOneByOrFail({ id });
  }

  /** One UPDATE of a live user, then an audit event naming the action and the fields (never their values). */
  private async write(id: string, changes: QueryDeepPartialEntity<User>, actorId: string, action: string): Promise<void> {
    const result = await this.users.update({ id, deletedAt: IsNull() }, changes);
    if (result.affected !== 1) throw Errors.notFound(`No user with id ${id}`);
    const fields = Object.keys(changes).filter((f) => !['updatedAt', 'updatedBy', 'tokenGeneration', 'passwordHash'].includes(f));
    this.audit.record({ type: 'user.admin_changed', actorId, subjectId: id, details: { action, fields } });
  }
}
