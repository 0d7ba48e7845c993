import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { UsersService } from '../../../users/users.service';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken } from './refresh-token.secret';

/** Ends refresh-token families: logout, logout everywhere, and reuse detection. */
@Injectable()
export class RefreshTokenRevocation {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    private readonly users: UsersService,
  ) {}

  /**
   * Sealed successors are wiped too: a revoked family has nothing left worth opening. Returns how many rows this
   * call revoked (0: someone else got there first). `tokens`: a transaction's repository, to run inside it.
   */
  async revokeFamily(familyId: string, tokens = this.tokens): Promise<number> {
    const result = await tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date(), successorCiphertext: null });
    return result.affected ?? 0;
  }

  /** A family counts as revoked once any of its rows is (a rotation racing a revocation cannot revive it). */
  isFamilyRevoked(familyId: string, tokens = this.tokens): Promise<boolean> {
    return tokens.existsBy({ familyId, revokedAt: Not(IsNull()) });
  }

  /** Logout: the family of this token, if there is one. Unknown tokens are ignored (logout is idempotent). */
  async revokeByToken(token: string): Promise<void> {
    const row = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(token) });
    if (row) await this.revokeFamily(row.familyId);
  }

  /** Logout everywhere: every family of the user, and (through the token generation) every access token too. */
  async revokeAllOfUser(userId: string): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), successorCiphertext: null });
    await this.users.revokeSessions(userId);
  }
}
