import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Errors } from '../common/errors/api-error';
import { isUniqueViolation } from '../common/errors/database-errors';
import { retryOnClash } from '../database/retry-on-clash';
import { TransactionRunner } from '../database/transaction-runner';
import { PasswordHasher } from '../passwords/password-hasher';
import { PasswordPolicy } from '../passwords/password-policy';
import { SyncUserDto } from './dto/sync-user.dto';
import { newUserRow } from './new-user';
import { profileChanges } from './profile-changes';
import { User } from './user.entity';
import { nextGeneration } from './users.service';

export interface SyncResult {
  user: User;
  created: boolean;
}

/** A password sent by a sync: its new hash, and the stored hash it was found to match already (if any). */
interface SentPassword {
  hash: string;
  sameAs: string | null;
}

/**
 * PUT /api/users: create-or-update a user another system owns. Matched by e-mail, then by username.
 * Each attempt is one transaction; a unique clash means a concurrent sync created the user first, so the next
 * attempt finds and updates it. Twenty simultaneous syncs of one identity therefore give one user and 20 × 200.
 */
@Injectable()
export class UserSyncService {
  constructor(
    private readonly tx: TransactionRunner,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
  ) {}

  async sync(dto: SyncUserDto, actorId: string): Promise<SyncResult> {
    if (dto.password !== undefined) this.policy.check(dto.password, 'password');
    if (!dto.email && !dto.username) {
      throw Errors.badInput([{ field: 'email', reason: 'is required (or username, to update an existing user)' }]);
    }
    // Hash outside the transaction: it is the slow part and needs no lock.
    const password = dto.password !== undefined ? await this.sentPassword(dto, dto.password) : undefined;
    try {
      return await retryOnClash(() => this.tx.run((em) => this.syncOnce(em, dto, password, actorId)));
    } catch (e) {
      throw this.clash(e);
    }
  }

  /**
   * The sent password's hash, and whether the user this body names has that password already: a back end that syncs
   * every user nightly sends the passwords they have, and that must not sign everyone out. Compared outside the
   * transaction (bcrypt is slow); the update then trusts the comparison only if the stored hash is still that one.
   */
  private async sentPassword(dto: SyncUserDto, password: string): Promise<SentPassword> {
    const where = dto.email !== undefined ? { email: dto.email } : { username: dto.username };
    const [hash, current] = await Promise.all([this.hasher.hash(password), this.users.findOne({ where, withDeleted: true })]);
    const stored = current?.passwordHash ?? null;
    const same = stored !== null && (await this.hasher.verify(password, stored));
    return { hash, sameAs: same ? stored : null };
  }

  /** One attempt, in one transaction: find the user this body describes, then create it or update it. */
  private async syncOnce(em: EntityManager, dto: SyncUserDto, password: SentPassword | undefined, actorId: string): Promise<SyncResult> {
    const repo = em.getRepository(User);
    const existing = await this.findExisting(repo, dto);
    if (!existing) return { user: await this.create(repo, dto, password?.hash, actorId), created: true };
    return { user: await this.update(repo, existing, dto, password, actorId), created: false };
  }

  /** The user matched by e-mail, else by username; refuses a match that would take over someone else's account. */
  private async findExisting(repo: Repository<User>, dto: SyncUserDto): Promise<User | null> {
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
    return existing;
  }

  private async create(repo: Repository<User>, dto: SyncUserDto, passwordHash: string | undefined, actorId: string): Promise<User> {
    if (!dto.email) throw Errors.badInput([{ field: 'email', reason: 'is required to create a user' }]);
    const user = newUserRow(
      {
        email: dto.email,
        username: dto.username,
        emailVerified: dto.emailVerified,
        passwordHash,
        roles: dto.roles,
        isActive: dto.isActive,
        profile: profileChanges(dto),
      },
      actorId,
    );
    await repo.insert(user);
    return user;
  }

  private async update(repo: Repository<User>, existing: User, dto: SyncUserDto, password: SentPassword | undefined, actorId: string): Promise<User> {
    const changes: Partial<User> = { ...profileChanges(dto), updatedAt: new Date(), updatedBy: actorId };
    if (dto.username !== undefined) changes.username = dto.username;
    if (dto.email !== undefined) changes.email = dto.email;
    if (dto.emailVerified !== undefined) changes.emailVerified = dto.emailVerified;
    if (dto.roles !== undefined) changes.roles = dto.roles;
    if (dto.isActive !== undefined) changes.isActive = dto.isActive;
    // The password the user already has (its hash unchanged since it was compared) is no change: the hash stays.
    const newPassword = password !== undefined && !(password.sameAs !== null && password.sameAs === existing.passwordHash);
    if (newPassword) changes.passwordHash = password.hash;
    if (existing.deletedAt) Object.assign(changes, { deletedAt: null, deletedBy: null });
    // A new password or a disabled account ends the user's sessions (access and refresh tokens), atomically.
    // Changed roles end the sessions too: tokens already issued carry the old `groups`, which other services trust.
    const rolesChanged = dto.roles !== undefined && JSON.stringify(dto.roles) !== JSON.stringify(existing.roles);
    const endsSessions = newPassword || dto.isActive === false || rolesChanged;
    await repo.update({ id: existing.id }, endsSessions ? { ...changes, tokenGeneration: nextGeneration } : changes);
    return endsSessions ? repo.findOneByOrFail({ id: existing.id }) : repo.merge(existing, changes);
  }

  private clash(e: unknown): unknown {
    return isUniqueViolation(e) ? Errors.conflict('user_conflict', 'A user with this e-mail or username already exists') : e;
  }
}
