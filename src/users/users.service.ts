import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { normalizeIdentifier } from '../common/validation/normalize';
import { ColumnLookup } from '../database/column-lookup';
import { RecentUsers } from './recent-users';
import { User } from './user.entity';

/** Reads of users. The only holder of the User repository outside the write use cases of this module. */
@Injectable()
export class UsersService {
  // Every Bearer token and every sign-in looks a user up: statements built once (see ColumnLookup).
  private readonly byId: ColumnLookup<User>;
  private readonly byEmail: ColumnLookup<User>;
  private readonly byUsername: ColumnLookup<User>;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly recent: RecentUsers,
  ) {
    this.byId = new ColumnLookup(users, 'id');
    this.byEmail = new ColumnLookup(users, 'email');
    this.byUsername = new ColumnLookup(users, 'username');
  }

  findById(id: string): Promise<User | null> {
    return this.byId.find(id);
  }

  /**
   * For checking a Bearer token on each request: may be up to USER_CACHE_TTL_MS old for changes made through another
   * instance, never for changes made through this one (see RecentUsers). Everything else reads fresh. A token of a
   * later generation than the remembered row was issued after a revocation made elsewhere: the row is read again,
   * so that new session is not refused.
   */
  findForTokenCheck(id: string, tokenGeneration: number): Promise<User | null> {
    return this.recent.get(id, (key) => this.byId.find(key), (cached) => cached.tokenGeneration >= tokenGeneration);
  }

  /** An identifier with `@` is an e-mail (usernames cannot contain one); both are stored normalised (NFKC, lower case). */
  findByLogin(emailOrUsername: string): Promise<User | null> {
    const key = normalizeIdentifier(emailOrUsername);
    return key.includes('@') ? this.byEmail.find(key) : this.byUsername.find(key);
  }

  /** Swaps a hash only if it is still the one that was verified, so a concurrent password change is never undone. */
  async replacePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
    await this.users.update({ id, passwordHash: oldHash }, { passwordHash: newHash });
  }

  /**
   * Turns two-factor sign-in on or off for a live user (false when there is none). `endSessions` raises the token
   * generation in the same UPDATE. `em`: the manager of a transaction that writes the second factor alongside.
   */
  async setUsing2FA(em: EntityManager, id: string, change: { enabled: boolean; endSessions: boolean; actorId: string }): Promise<boolean> {
    const result = await em.getRepository(User).update(
      { id, deletedAt: IsNull() },
      { using2FA: change.enabled, updatedAt: new Date(), updatedBy: change.actorId, ...(change.endSessions ? { tokenGeneration: nextGeneration } : {}) },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Ends every session of the user: access and refresh tokens of the previous generation are refused. */
  async revokeSessions(id: string): Promise<void> {
    await this.users.update({ id }, { tokenGeneration: nextGeneration });
  }
}

/** `tokenGeneration + 1` computed by the database, so concurrent revocations never lose an increment. */
export const nextGeneration = (): string => '"tokenGeneration" + 1';
