import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { BulkRows } from '../../database/bulk-rows';
import { hashProfile, HashProfile } from '../../passwords/formats/hash-profile';
import { PasswordVerifier } from '../../passwords/password-verifier';
import { PasswordHashProfile } from './password-hash-profile.entity';

/** How long an instance answers from the profiles it read (another instance's import is seen within this). */
const REFRESH_MS = 30_000;
/** How often the profiles no user has any more are dropped (each check reads the users table once per profile). */
const PRUNE_MS = 10 * 60_000;

/**
 * The kinds of non-standard hash (anything but bcrypt at BCRYPT_COST) that users have, recorded by the sync in the
 * transaction that writes them, and dropped once no user has one (every such user signed in, and was upgraded).
 * Sign-in checks the dummy of each (PasswordCheck): the price of an import is that much more work per failed
 * sign-in until the last of its users has signed in, and the reward is that no failure tells who exists.
 */
@Injectable()
export class PasswordProfiles implements OnModuleDestroy {
  private readonly logger = new Logger('PasswordProfiles');
  private readonly rows: BulkRows<PasswordHashProfile>;
  private cache: { profiles: Promise<HashProfile[]>; readAt: number } | null = null;
  private readonly pruner: NodeJS.Timeout;

  constructor(
    @InjectRepository(PasswordHashProfile) private readonly profiles: Repository<PasswordHashProfile>,
    private readonly verifier: PasswordVerifier,
  ) {
    this.rows = new BulkRows(profiles, ['lastSeenAt']);
    this.pruner = setInterval(() => void this.prune().catch((e: Error) => this.logger.warn(`Pruning failed: ${e.message}`)), PRUNE_MS);
    this.pruner.unref();
  }

  /** The profiles of these hashes, recorded in the caller's transaction (with the users that have them). */
  async record(em: EntityManager, hashes: string[], now = new Date()): Promise<void> {
    const found = new Map<string, HashProfile>();
    for (const hash of hashes) {
      if (this.verifier.isStandard(hash)) continue;
      const profile = hashProfile(hash);
      if (profile && !found.has(profile.prefix)) found.set(profile.prefix, profile);
    }
    if (found.size === 0) return;
    // In the order of their prefixes: two imports' batches (or two of one import, written at once) that carry the
    // same kinds then lock these rows in the same order, and never wait for each other in a cycle (a deadlock).
    const rows = [...found.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    await this.rows.upsert(em, rows.map((p) => Object.assign(new PasswordHashProfile(), { ...p, lastSeenAt: now })));
    this.cache = null;
  }

  /** The profiles in use, as read at most REFRESH_MS ago. */
  active(): Promise<HashProfile[]> {
    if (!this.cache || Date.now() - this.cache.readAt > REFRESH_MS) {
      const profiles = this.profiles.find().then((rows) => rows.map(({ prefix, dummy }) => ({ prefix, dummy })));
      this.cache = { profiles, readAt: Date.now() };
      profiles.catch(() => (this.cache = null));
    }
    return this.cache.profiles;
  }

  /** Drops the profiles no user has any more, unless a sync recorded one again since the check began. */
  async prune(): Promise<string[]> {
    const started = new Date();
    const dropped: string[] = [];
    for (const { prefix } of await this.profiles.find()) {
      const users = (await this.profiles.query(`SELECT 1 FROM "users" WHERE SUBSTR("passwordHash", 1, ${prefix.length}) = ${this.param(1)} LIMIT 1`, [prefix])) as unknown[];
      if (users.length > 0) continue;
      const result = await this.profiles.createQueryBuilder().delete().where('prefix = :prefix AND "lastSeenAt" < :started', { prefix, started }).execute();
      if (result.affected) dropped.push(prefix);
    }
    if (dropped.length > 0) this.cache = null;
    return dropped;
  }

  onModuleDestroy(): void {
    clearInterval(this.pruner);
  }

  private param(index: number): string {
    return this.profiles.manager.connection.driver.options.type === 'postgres' ? `$${index}` : '?';
  }
}
