import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { performance } from 'node:perf_hooks';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { authConfig } from '../config/auth.config';
import { User } from './user.entity';

interface Entry {
  user: User;
  /** The write epoch the row was read in. */
  epoch: number;
  /** When the read started (performance.now()), so the age is never under-counted. */
  readAt: number;
}

/** Users remembered at most; a few MB. */
const MAX_USERS = 10_000;

/**
 * User rows recently read for token checks, kept for USER_CACHE_TTL_MS (1 s by default). Every request with a Bearer
 * token needs the user's state (deleted, disabled, locked, token generation); reading it from the database each time
 * was, after the signature check, the largest cost of a token-checked read (docs/benchmarks.md).
 *
 * On this instance the cache is never stale: it subscribes to TypeORM's events, and any write to the users table
 * (insert, update, delete, restore) and any committed transaction advance a write epoch that voids every entry at
 * once. An entry is stored only if no write happened while it was read, and a transaction's write voids the cache
 * twice, when it is made and when it commits, so a read that overlapped an uncommitted change is not kept either.
 * Changes made through another instance void the cache too when Redis is configured (UserChangeBroadcast, within
 * milliseconds); without Redis they are seen within the TTL: a revoked session, lock or deletion then takes effect
 * cluster-wide within a second rather than at once. USER_CACHE_TTL_MS=0 reads the database every time.
 */
@Injectable()
export class RecentUsers implements EntitySubscriberInterface<User> {
  private readonly entries: LRUCache<string, Entry> | null;
  private readonly ttlMs: number;
  private epoch = 0;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(authConfig.KEY) auth: ConfigType<typeof authConfig>) {
    this.ttlMs = auth.userCacheTtlMs;
    this.entries = this.ttlMs > 0 ? new LRUCache({ max: MAX_USERS }) : null;
    dataSource.subscribers.push(this);
  }

  /**
   * The user by id, from the cache when recent enough and `usable` accepts it, else from `load` (remembered if
   * nothing was written meanwhile).
   */
  async get(id: string, load: (id: string) => Promise<User | null>, usable: (cached: User) => boolean = () => true): Promise<User | null> {
    if (!this.entries) return load(id);
    const hit = this.entries.get(id);
    if (hit && hit.epoch === this.epoch && performance.now() - hit.readAt < this.ttlMs && usable(hit.user)) return copyOf(hit.user);
    const epoch = this.epoch;
    const readAt = performance.now();
    const user = await load(id);
    if (user && epoch === this.epoch) this.entries.set(id, { user: copyOf(user), epoch, readAt });
    return user;
  }

  /** Forgets every entry: a user row changed somewhere this instance's events do not reach (another instance). */
  voidAll(): void {
    this.epoch++;
  }

  listenTo(): typeof User {
    return User;
  }

  afterInsert(): void {
    this.epoch++;
  }

  afterUpdate(): void {
    this.epoch++;
  }

  afterRemove(): void {
    this.epoch++;
  }

  afterSoftRemove(): void {
    this.epoch++;
  }

  afterRecover(): void {
    this.epoch++;
  }

  /** Not limited to the users table by TypeORM: any commit voids the cache, which errs on the safe side. */
  afterTransactionCommit(): void {
    this.epoch++;
  }
}

/**
 * Callers get their own object, so nothing they set on it can reach another request; the one array in it (roles)
 * is frozen in the cached row rather than copied each time, so changing it in place fails loudly instead.
 */
function copyOf(user: User): User {
  const copy = Object.assign(new User(), user);
  if (copy.roles) Object.freeze(copy.roles);
  return copy;
}
