import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '../../../audit/audit.service';
import { Errors } from '../../../common/errors/api-error';
import { isEffectivelyLocked } from '../../../users/user-lock';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { authConfig } from '../../../config/auth.config';
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

/**
 * Exchanges a refresh token for its successor (RFC 9700 §4.14.2 rotation with reuse detection).
 *
 * - Only one request can rotate a token: `UPDATE … SET usedAt WHERE usedAt IS NULL AND revokedAt IS NULL` is
 *   won by exactly one caller (PostgreSQL re-checks the WHERE after the row lock; SQLite transactions are serialised).
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
  ) {}

  async rotate(presented: string, clientId: string): Promise<Rotation> {
    const row = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(presented) });
    // A token of another client is refused like an unknown one: a client must not spend another's tokens.
    if (!row || row.clientId !== clientId) throw RefreshTokenErrors.invalid();
    if (row.expiresAt.getTime() <= Date.now() || (await this.revocation.isFamilyRevoked(row.familyId))) {
      throw RefreshTokenErrors.invalid();
    }
    const user = await this.activeUser(row);
    const next = row.usedAt === null ? await this.tryRotate(row, presented) : null;
    return { user, refreshToken: next ?? (await this.successorWithinGrace(row.id, presented)) };
  }

  /** Deleted, disabled or locked users, and families from before a password change or lock, end here. */
  private async activeUser(row: RefreshToken): Promise<User> {
    const user = await this.users.findById(row.userId);
    if (user && user.isActive && user.tokenGeneration === row.generation) {
      if (!isEffectivelyLocked(user, new Date())) return user;
      // An automatic lock (failed passwords, perhaps typed by someone else) pauses the session instead of ending it:
      // revoking here would let anyone sign a user out everywhere with ten wrong passwords. Admin locks raise the
      // token generation, so their sessions end below.
      if (user.lockReason === 'failed_logins') throw Errors.accountLocked();
    }
    await this.revocation.revokeFamily(row.familyId);
    throw RefreshTokenErrors.invalid();
  }

  /** The successor, or null when another request rotated this token first. */
  private tryRotate(row: RefreshToken, presented: string): Promise<IssuedRefreshToken | null> {
    const now = new Date();
    const token = newRefreshToken();
    const successor = refreshTokenRow({ ...row, id: randomUUID() }, token, now);
    return this.tx.run(async (em) => {
      const repo = em.getRepository(RefreshToken);
      const won = await repo.update(
        { id: row.id, usedAt: IsNull(), revokedAt: IsNull() },
        { usedAt: now, successorId: successor.id, successorCiphertext: sealSuccessor(token, presented, row.id) },
      );
      if (won.affected !== 1) return null;
      await repo.insert(successor);
      // The predecessor's sealed copy of `presented` can no longer be of use to anyone: wipe it.
      await repo.update({ successorId: row.id }, { successorCiphertext: null });
      return { token, expiresAt: row.expiresAt };
    });
  }

  /** A used token: its still-unused successor within the grace interval; otherwise the family is revoked. */
  private async successorWithinGrace(rowId: string, presented: string): Promise<IssuedRefreshToken> {
    const row = await this.tokens.findOneByOrFail({ id: rowId });
    const graceMs = this.auth.refreshReuseIntervalSeconds * 1000;
    if (row.usedAt && Date.now() - row.usedAt.getTime() < graceMs && row.successorId && row.successorCiphertext) {
      const successor = await this.tokens.findOneBy({ id: row.successorId, usedAt: IsNull(), revokedAt: IsNull() });
      const token = successor && openSuccessor(row.successorCiphertext, presented, row.id);
      if (successor && token) return { token, expiresAt: successor.expiresAt };
    }
    await this.revocation.revokeFamily(row.familyId);
    // A security event worth an operator's attention (ids only: never the token).
    this.logger.warn(`Reuse of a rotated refresh token: family ${row.familyId} of user ${row.userId} revoked`);
    this.audit.record({ type: 'refresh_token.reuse_detected', subjectId: row.userId, clientId: row.clientId, details: { familyId: row.familyId } });
    throw RefreshTokenErrors.reused();
  }
}
