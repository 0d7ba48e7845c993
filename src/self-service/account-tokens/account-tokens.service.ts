import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { hashOpaqueToken, newOpaqueToken } from '../../common/crypto/opaque-token';
import { ApiError } from '../../common/errors/api-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { SelfServiceUsers } from '../../users/self-service/self-service-users.service';
import { User } from '../../users/user.entity';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';

/** A token that works now, and the account it works for. */
export interface LiveToken {
  row: AccountToken;
  user: User;
}

/**
 * The tokens of the e-mail links: 256 random bits, only the hash stored, bound to the address they were sent to,
 * valid for a set time, used once, and void as soon as a newer one of the same purpose is issued.
 */
@Injectable()
export class AccountTokens {
  constructor(
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
    private readonly users: SelfServiceUsers,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * A new token for the user's current address. One row per user and purpose, overwritten in one statement (an
   * upsert): the older token's hash is gone, so it stops working at once, even for a request racing this one.
   */
  async issue(user: Pick<User, 'id' | 'email'>, purpose: AccountTokenPurpose, ttlMs: number): Promise<string> {
    const token = newOpaqueToken();
    const now = new Date();
    const row: AccountToken = {
      userId: user.id,
      purpose,
      tokenHash: hashOpaqueToken(token),
      email: user.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
      usedAt: null,
    };
    await this.tokens.upsert(row, ['userId', 'purpose']);
    return token;
  }

  /**
   * A live token and its account. Null alike for an unknown, replaced, used or expired token, and for one whose
   * account is deleted or no longer has the address the link was sent to (the link is bound to that address).
   */
  async find(token: string, purpose: AccountTokenPurpose): Promise<LiveToken | null> {
    const row = await this.tokens.findOneBy({ tokenHash: hashOpaqueToken(token), purpose });
    if (!row || row.usedAt !== null || row.expiresAt <= new Date()) return null;
    const user = await this.users.findByEmail(row.email);
    return user && user.id === row.userId && !user.deletedAt ? { row, user } : null;
  }

  /**
   * Uses the token and makes the change it pays for, in one transaction: both or neither. `change` answers whether
   * it applied (its UPDATE is conditional on the link's address); `invalid` is thrown when the token or the change
   * did not, and the transaction is rolled back.
   */
  async redeem(row: AccountToken, change: (em: EntityManager) => Promise<boolean>, invalid: () => ApiError): Promise<void> {
    await this.tx.run(async (em) => {
      if (!(await this.consume(row, em)) || !(await change(em))) throw invalid();
    });
  }

  /**
   * One conditional UPDATE (still this hash, unused, unexpired), so of two requests presenting the token at once
   * exactly one gets true.
   */
  private async consume(row: AccountToken, em: EntityManager): Promise<boolean> {
    const now = new Date();
    const result = await em
      .getRepository(AccountToken)
      .update({ userId: row.userId, purpose: row.purpose, tokenHash: row.tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    return result.affected === 1;
  }
}
