import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../../../audit/audit.service';
import { ApiError } from '../../../common/errors/api-error';
import { isAdminLocked } from '../../../users/user-lock';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { authConfig } from '../../../config/auth.config';
import { Metrics } from '../../../metrics/metrics';
import { TransactionRunner } from '../../../database/transaction-runner';
import { User } from '../../../users/user.entity';
import { UsersService } from '../../../users/users.service';
import { IssuedRefreshToken } from './issued-refresh-token';
import { refreshTokenRow } from './refresh-token-issuer.service';
import { RefreshTokenRevocation } from './refresh-token-revocation.service';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokenErrors } from './refresh-token.errors';
import { hashRefreshToken, newRefreshToken, openSuccessor, sealSuccessor } from './refresh-token.secret';

export interface Rotation {
  user: User;
  refreshToken: IssuedRefreshToken;
}

/** What the transaction decided: the token to hand out, or why not. */
type Outcome = IssuedRefreshToken | 'invalid' | 'reused';

/**
 * Exchanges a refresh token for its successor (RFC 9700 §4.14.2 rotation with reuse detection).
 *
 * - Only one request can rotate a token: `UPDATE … SET usedAt WHERE usedAt IS NULL AND revokedAt IS NULL` is
 *   won by exactly one caller (PostgreSQL re-checks the WHERE after the row lock; SQLite transactions are serialised).
 *   A loser decides from the row read again in the same transaction, never from the read made before it.
 * - A token presented again within REFRESH_REUSE_INTERVAL of its rotation yields the SAME successor, so two tabs
 *   refreshing at once stay signed in. The successor is kept sealed under a key derived from the old token (see
 *   refresh-token.secret.ts). We prefer this to minting a sibling: with a sibling, a thief inside the window would
 *   get an independent branch that never collides with the owner's; with one shared successor, whichever of them
 *   rotates second presents a used token and the whole family is revoked, so the theft is still detected.
 * - Later, a reused token revokes the whole family (the successor stops working too).
 */
@Injectable()
export class RefreshTokenRotation {
  private readonly logger = new Logger('RefreshTokens');

  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly revocation: RefreshTokenRevocation,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
  ) {}

  /** Every exchange is counted by its result (rotated, reused, refused); see `exchangeOf`. */
  async rotate(presented: string, clientId: string): Promise<Rotation> {
    try {
      const rotation = await this.exchangeOf(presented, clientId);
      this.metrics.refreshRotation('rotated');
      return rotation;
    } catch (e) {
      if (e instanceof ApiError) this.metrics.refreshRotation(e.code === REUSED ? 'reused' : 'refused');
      throw e;
    }
  }

  private async exchangeOf(presented: string, clientId: string): Promise<Rotation> {
    const row = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(presented) });
    // A token of another client is refused like an unknown one: a client must not spend another's tokens.
    if (!row || row.clientId !== clientId) throw RefreshTokenErrors.invalid();
    // A quick answer for the common dead token; `exchange` decides again on the row as it is inside its transaction.
    if (isExpired(row) || (await this.revocation.isFamilyRevoked(row.familyId))) throw RefreshTokenErrors.invalid();
    const user = await this.activeUser(row);
    const outcome = await this.tx.run((em) => this.exchange(em.getRepository(RefreshToken), row, presented));
    if (outcome === 'reused') throw this.reuseDetected(row);
    if (outcome === 'invalid') throw RefreshTokenErrors.invalid();
    return { user, refreshToken: outcome };
  }

  /**
   * Deleted, disabled or admin-locked users, and families from before a password change or lock, end here. An
   * automatic lock (failed passwords, perhaps typed by someone else) neither ends nor pauses the session: either
   * would let anyone sign a user out with ten wrong passwords.
   */
  private async activeUser(row: RefreshToken): Promise<User> {
    const user = await this.users.findById(row.userId);
    if (user && user.isActive && user.tokenGeneration === row.generation && !isAdminLocked(user)) return user;
    await this.revocation.revokeFamily(row.familyId);
    throw RefreshTokenErrors.invalid();
  }

  /** Rotates an unused token; otherwise (or when another request rotated it first) decides as for a used one. */
  private async exchange(repo: Repository<RefreshToken>, row: RefreshToken, presented: string): Promise<Outcome> {
    const rotated = row.usedAt === null ? await this.tryRotate(repo, row, presented) : null;
    return rotated ?? this.usedToken(repo, row.id, presented);
  }

  /** The successor, or null when the conditional UPDATE matched nothing (rotated, revoked or deleted meanwhile). */
  private async tryRotate(repo: Repository<RefreshToken>, row: RefreshToken, presented: string): Promise<IssuedRefreshToken | null> {
    const now = new Date();
    const token = newRefreshToken();
    const successor = refreshTokenRow({ ...row, id: randomUUID() }, token, now);
    const won = await repo.update(
      { id: row.id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: now, successorId: successor.id, successorCiphertext: sealSuccessor(token, presented, row.id) },
    );
    if (won.affected !== 1) return null;
    await repo.insert(successor);
    // The predecessor's sealed copy of `presented` can no longer be of use to anyone: wipe it.
    await repo.update({ successorId: row.id }, { successorCiphertext: null });
    return { token, expiresAt: row.expiresAt };
  }

  /**
   * A token that is no longer unused, judged on the row as it is now (read again inside the transaction): the
   * first read happened before this transaction began, and a logout or housekeeping may have run since.
   * - gone, expired or revoked: invalid, NOT a reuse. A logout racing a refresh is no attack, and reporting it
   *   would be a false security alert (the conditional UPDATE fails the same way for a revoked row as for a used one).
   * - used within the grace interval with its successor still unused: that successor.
   * - otherwise a reuse, and the family is revoked. Only the request whose UPDATE revoked rows reports it: on
   *   PostgreSQL a revocation committed after the checks above makes that UPDATE match nothing (it re-checks
   *   `revokedAt IS NULL` after waiting for the row locks). On SQLite the transaction runs alone (TransactionRunner).
   */
  private async usedToken(repo: Repository<RefreshToken>, rowId: string, presented: string): Promise<Outcome> {
    const row = await repo.findOneBy({ id: rowId });
    if (!row || isExpired(row) || row.revokedAt || (await this.revocation.isFamilyRevoked(row.familyId, repo))) return 'invalid';
    const successor = await this.successorWithinGrace(repo, row, presented);
    if (successor) return successor;
    return (await this.revocation.revokeFamily(row.familyId, repo)) > 0 ? 'reused' : 'invalid';
  }

  private async successorWithinGrace(repo: Repository<RefreshToken>, row: RefreshToken, presented: string): Promise<IssuedRefreshToken | null> {
    const graceMs = this.auth.refreshReuseIntervalSeconds * 1000;
    if (!row.usedAt || Date.now() - row.usedAt.getTime() >= graceMs || !row.successorId || !row.successorCiphertext) return null;
    const successor = await repo.findOneBy({ id: row.successorId, usedAt: IsNull(), revokedAt: IsNull() });
    const token = successor && openSuccessor(row.successorCiphertext, presented, row.id);
    return successor && token ? { token, expiresAt: successor.expiresAt } : null;
  }

  /** A security event worth an operator's attention (ids only: never the token), reported after the commit. */
  private reuseDetected(row: RefreshToken): ApiError {
    this.logger.warn(`Reuse of a rotated refresh token: family ${row.familyId} of user ${row.userId} revoked`);
    this.audit.record({ type: 'refresh_token.reuse_detected', subjectId: row.userId, clientId: row.clientId, details: { familyId: row.familyId } });
    return RefreshTokenErrors.reused();
  }
}

/** The code of RefreshTokenErrors.reused(). */
const REUSED = 'refresh_token_reused';

const isExpired = (row: RefreshToken): boolean => row.expiresAt.getTime() <= Date.now();
