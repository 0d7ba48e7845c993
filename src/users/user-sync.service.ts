import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApiError, Errors } from '../common/errors/api-error';
import { isRetryableConflict } from '../common/errors/database-errors';
import { BulkRows } from '../database/bulk-rows';
import { TransactionRunner } from '../database/transaction-runner';
import { PasswordPolicy } from '../passwords/password-policy';
import { SyncUserDto } from './dto/sync-user.dto';
import { applySyncBatch, currentMatches, SYNCED_COLUMNS, SyncItem, SyncOutcome } from './sync/sync-batch';
import { SyncCredentials } from './sync/sync-credentials.service';
import { PasswordProfiles } from './password-profiles/password-profiles.service';
import { SyncStatus } from './sync/sync-plan';
import { User } from './user.entity';

export type { SyncOutcome } from './sync/sync-batch';

export interface SyncResult {
  status: SyncStatus;
  user: User;
}

/**
 * What a caller of syncMany writes in each of its transactions, after the users: `decided` are the bodies that
 * transaction decided, with their outcomes (the import records their audit events so, committed with them).
 */
export type AlongsideSync = (em: EntityManager, decided: { dto: SyncUserDto; outcome: SyncOutcome }[]) => Promise<void>;

/** Milliseconds spent on passwords (hashing, verifying) and in the database, added up over syncMany calls. */
export interface SyncTimings {
  passwordsMs: number;
  databaseMs: number;
}

/** What a caller of syncMany may add: timings to add to, writes in the same transactions, a look at the users read. */
export interface SyncOptions {
  timings?: SyncTimings;
  alongside?: AlongsideSync;
  /** Called with the stored users each transaction read (and locked) before deciding. */
  onRead?: (users: User[]) => void;
}

/** How often a transaction that lost to a concurrent one (unique clash, deadlock) is run again before giving up. */
const MAX_ATTEMPTS = 3;

/**
 * PUT /api/users and the bulk import: create-or-update users another system owns, matched by e-mail, then by
 * username. Both go through syncMany: a batch is one transaction (one read, one multi-row upsert; PUT is a batch of
 * one). A unique clash means a concurrent sync created the user first, so the next attempt finds and updates it:
 * twenty simultaneous syncs of one identity give one user and 20 × 200.
 */
@Injectable()
export class UserSyncService {
  private readonly rows: BulkRows<User>;

  constructor(
    private readonly tx: TransactionRunner,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly credentials: SyncCredentials,
    private readonly policy: PasswordPolicy,
    private readonly profiles: PasswordProfiles,
  ) {
    this.rows = new BulkRows(users, SYNCED_COLUMNS);
  }

  async sync(dto: SyncUserDto, actorId: string): Promise<SyncResult> {
    const [outcome] = await this.syncMany([dto], actorId);
    if (outcome.status === 'error') throw outcome.error;
    return outcome;
  }

  /**
   * One outcome per body, in order, each exactly what PUT /api/users would have done with it after the bodies before
   * it. A refused body is an `error` outcome; an unexpected failure (database down) throws, with every transaction
   * committed before it kept and the one in progress rolled back.
   */
  async syncMany(dtos: SyncUserDto[], actorId: string, given: SyncOptions = {}): Promise<SyncOutcome[]> {
    const options = { ...given, timings: given.timings ?? { passwordsMs: 0, databaseMs: 0 } };
    const outcomes: (SyncOutcome | undefined)[] = dtos.map((dto) => this.refusal(dto));
    let pending = dtos.flatMap((_, i) => (outcomes[i] ? [] : [i]));
    for (let stalls = 0; pending.length > 0; ) {
      const batch = pending.map((i) => dtos[i]);
      const started = Date.now();
      const credentials = await this.credentials.resolve(batch, () => currentMatches(this.users.manager, this.rows, batch));
      options.timings.passwordsMs += Date.now() - started;
      const done = await this.commit(batch.map((dto, k) => ({ dto, credential: credentials[k] })), actorId, options);
      done.forEach((outcome, k) => (outcomes[pending[k]] = outcome));
      // A password checked against a user that changed meanwhile, again and again: give that body up, not the batch.
      stalls = done.length > 0 ? 0 : stalls + 1;
      if (stalls >= MAX_ATTEMPTS) outcomes[pending[0]] = { status: 'error', error: conflict() };
      pending = pending.filter((i) => !outcomes[i]);
    }
    return outcomes as SyncOutcome[];
  }

  /** The batch in one transaction, run again after losing to a concurrent one; halved if that keeps happening. */
  private async commit(items: SyncItem[], actorId: string, options: SyncOptions & { timings: SyncTimings }): Promise<SyncOutcome[]> {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        return await this.tx.run(async (em) => {
          const outcomes = await applySyncBatch(em, this.rows, items, actorId, options.onRead);
          await this.profiles.record(em, importedHashes(items, outcomes));
          await options.alongside?.(em, outcomes.map((outcome, i) => ({ dto: items[i].dto, outcome })));
          return outcomes;
        });
      } catch (e) {
        if (!isRetryableConflict(e)) throw e;
        if (attempt < MAX_ATTEMPTS) continue;
        // The first half commits on its own; the rest is the next batch. A single body gets the 409.
        if (items.length > 1) return this.commit(items.slice(0, Math.ceil(items.length / 2)), actorId, options);
        return [{ status: 'error', error: conflict() }];
      } finally {
        options.timings.databaseMs += Date.now() - started;
      }
    }
  }

  /** The 400 a body gets before any work: both password fields, a password under the policy, nothing to match by. */
  private refusal(dto: SyncUserDto): SyncOutcome | undefined {
    try {
      if (dto.password !== undefined && dto.passwordHash !== undefined) {
        const reason = 'send either password or passwordHash, not both';
        throw Errors.badInput([{ field: 'password', reason }, { field: 'passwordHash', reason }]);
      }
      if (dto.password !== undefined) this.policy.check(dto.password, 'password');
      if (!dto.email && !dto.username) {
        throw Errors.badInput([{ field: 'email', reason: 'is required (or username, to update an existing user)' }]);
      }
      return undefined;
    } catch (e) {
      if (e instanceof ApiError) return { status: 'error', error: e };
      throw e;
    }
  }
}

/** The imported hashes the decided items wrote or kept: their kinds must be known to sign-in (PasswordProfiles). */
function importedHashes(items: SyncItem[], outcomes: SyncOutcome[]): string[] {
  return outcomes.flatMap((outcome, i) => {
    const credential = items[i].credential;
    return outcome.status !== 'error' && credential.kind === 'imported' ? [credential.hash] : [];
  });
}

const conflict = () => Errors.conflict('user_conflict', 'A user with this e-mail or username already exists');
