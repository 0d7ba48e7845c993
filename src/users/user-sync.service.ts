import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Errors } from '../common/errors/api-error';
import { newUserGuid, newUserId } from '../common/ids/ids';
import { isUniqueViolation } from '../common/errors/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { PasswordHasher } from '../passwords/password-hasher';
import { SyncUserDto, UserProfileDto } from './dto/sync-user.dto';
import { PROFILE_FIELDS } from './profile-changes';
import { User } from './user.entity';
import { nextGeneration } from './users.service';

export interface SyncResult {
  user: User;
  created: boolean;
}

/** How often a sync retries after losing a race to create the same identity (the loser then updates). */
const MAX_ATTEMPTS = 3;

/**
 * PUT /api/users: create-or-update a user another system owns. Matched by e-mail, then by username.
 * Each attempt is one transaction; a unique clash means a concurrent sync created the user first, so the next
 * attempt finds and updates it. Twenty simultaneous syncs of one identity therefore give one user and 20 × 200.
 */
@Injectable()
export class UserSyncService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
  ) {}

  async sync(dto: SyncUserDto, actorId: string): Promise<SyncResult> {
    if (!dto.email && !dto.username) {
      throw Errors.badInput([{ field: 'email', reason: 'is required (or username, to update an existing user)' }]);
    }
    // Hash outside the transaction: it is the slow part and needs no lock.
    const passwordHash = dto.password !== undefined ? await this.hasher.hash(dto.password) : undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run((em) => this.syncOnce(em, dto, passwordHash, actorId));
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= MAX_ATTEMPTS) throw this.clash(e);
      }
    }
  }

  private async syncOnce(em: EntityManager, dto: SyncUserDto, passwordHash: string | undefined, actorId: string): Promise<SyncResult> {
    const repo = em.getRepository(User);
    // Soft-deleted users are looked up too: their e-mail and username stay taken until they are restored.
    const byEmail = dto.email ? await repo.findOne({ where: { email: dto.email }, withDeleted: true }) : null;
    const byUsername = dto.username ? await repo.findOne({ where: { username: dto.username }, withDeleted: true }) : null;
    // Each read sees the latest commit (READ COMMITTED), so a concurrent sync of this same identity can commit between
    // the two: the user found by username then already has our e-mail. That is the user to update, not a clash.
    const sameIdentity = byUsername !== null && byUsername.email === dto.email;
    if (byUsername && !sameIdentity && (byEmail ? byUsername.id !== byEmail.id : dto.email !== undefined)) {
      // Updating that user would rewrite another person's e-mail from a sync: refuse rather than take it over.
      throw Errors.conflict('username_taken', `username "${dto.username}" belongs to another user`);
    }
    const existing = byEmail ?? byUsername;
    if (existing?.deletedAt && !dto.restore) {
      // Silently reviving a deleted account from a routine sync could undo an admin's decision: it must be explicit.
      throw Errors.conflict('user_deleted', `The user ${existing.email} was deleted; send "restore": true to restore and update it`);
    }
    const now = new Date();
    if (!existing) {
      if (!dto.email) throw Errors.badInput([{ field: 'email', reason: 'is required to create a user' }]);
      const user = repo.create({
        id: newUserId(),
        guid: newUserGuid(),
        username: dto.username ?? null,
        email: dto.email,
        emailVerified: dto.emailVerified ?? false,
        passwordHash: passwordHash ?? null,
        roles: dto.roles ?? null,
        isActive: dto.isActive ?? true,
        isLocked: false,
        lockedAt: null,
        using2FA: false,
        tokenGeneration: 0,
        createdAt: now,
        createdBy: actorId,
        updatedAt: now,
        updatedBy: null,
        deletedAt: null,
        deletedBy: null,
        ...this.profile(dto, true),
      });
      await repo.insert(user);
      return { user, created: true };
    }
    const changes: Partial<User> = { ...this.profile(dto, false), updatedAt: now, updatedBy: actorId };
    if (dto.username !== undefined) changes.username = dto.username;
    if (dto.email !== undefined) changes.email = dto.email;
    if (dto.emailVerified !== undefined) changes.emailVerified = dto.emailVerified;
    if (dto.roles !== undefined) changes.roles = dto.roles;
    if (dto.isActive !== undefined) changes.isActive = dto.isActive;
    if (passwordHash !== undefined) changes.passwordHash = passwordHash;
    if (existing.deletedAt) Object.assign(changes, { deletedAt: null, deletedBy: null });
    // A new password or a disabled account ends the user's sessions (access and refresh tokens), atomically.
    // Changed roles end the sessions too: tokens already issued carry the old `groups`, which other services trust.
    const rolesChanged = dto.roles !== undefined && JSON.stringify(dto.roles) !== JSON.stringify(existing.roles);
    const endsSessions = passwordHash !== undefined || dto.isActive === false || rolesChanged;
    await repo.update({ id: existing.id }, endsSessions ? { ...changes, tokenGeneration: nextGeneration } : changes);
    const user = endsSessions ? await repo.findOneByOrFail({ id: existing.id }) : repo.merge(existing, changes);
    return { user, created: false };
  }

  /** Profile fields present in the body; on create, absent ones are null. */
  private profile(dto: UserProfileDto, creating: boolean): Partial<User> {
    const out: Partial<User> = {};
    for (const f of PROFILE_FIELDS) {
      if (dto[f] !== undefined) out[f] = dto[f] ?? null;
      else if (creating) out[f] = null;
    }
    return out;
  }

  private clash(e: unknown): unknown {
    return isUniqueViolation(e) ? Errors.conflict('user_conflict', 'A user with this e-mail or username already exists') : e;
  }
}
