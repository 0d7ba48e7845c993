import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { authConfig } from '../../../config/auth.config';
import { User } from '../../../users/user.entity';
import { IssuedRefreshToken } from './issued-refresh-token';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken, newRefreshToken } from './refresh-token.secret';

/** Starts a refresh-token family at a successful login (any login type). */
@Injectable()
export class RefreshTokenIssuer {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
  ) {}

  async issue(user: User, clientId: string): Promise<IssuedRefreshToken> {
    const now = new Date();
    const id = randomUUID();
    const token = newRefreshToken();
    const expiresAt = new Date(now.getTime() + this.auth.refreshTokenTtlSeconds * 1000);
    await this.tokens.insert(
      refreshTokenRow({ id, familyId: id, userId: user.id, clientId, generation: user.tokenGeneration, expiresAt }, token, now),
    );
    // Housekeeping: rows of expired families are of no use any more (used rows are kept until then, since
    // recognising a rotated token is what detects its reuse). One indexed delete per login keeps the table bounded.
    await this.tokens.delete({ userId: user.id, expiresAt: LessThan(now) });
    return { token, expiresAt };
  }
}

/** A new, unused row holding only the hash of `token`. */
export function refreshTokenRow(
  base: Pick<RefreshToken, 'id' | 'familyId' | 'userId' | 'clientId' | 'generation' | 'expiresAt'>,
  token: string,
  now: Date,
): RefreshToken {
  return {
    ...base,
    tokenHash: hashRefreshToken(token),
    createdAt: now,
    usedAt: null,
    revokedAt: null,
    successorId: null,
    successorCiphertext: null,
  };
}
