import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { mfaConfig } from '../../config/mfa.config';
import { SECOND_FACTOR_METHODS, SecondFactorKind } from '../second-factor-code';
import { FirstFactor, MfaChallengeRow } from './mfa-challenge.entity';

/**
 * Codes an mfaToken may be tried with: after 5 wrong ones it is dead (the user signs in again; each wrong code also
 * counts toward the lockout).
 */
export const MAX_CODE_ATTEMPTS = 5;

/** What the first step of a two-factor sign-in answers instead of a session. */
export interface MfaChallenge {
  mfaToken: string;
  methods: readonly SecondFactorKind[];
  expiresAt: Date;
}

/**
 * SHA-256 of the token, as for refresh tokens: 256 random bits need no slow hash, and the hash is the lookup key.
 * A database leak gives no usable mfaToken (nor would one be of use without the code).
 */
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The challenges between a right first factor and the code. An mfaToken is opaque and random, stored hashed, bound
 * to the user, the client and the first factor, valid MFA_CHALLENGE_TTL, tried with at most MAX_CODE_ATTEMPTS
 * codes, and used once. Every write is one conditional UPDATE, so concurrent requests cannot use one token twice
 * nor try more codes with it than the limit.
 */
@Injectable()
export class MfaChallenges {
  constructor(
    @InjectRepository(MfaChallengeRow) private readonly rows: Repository<MfaChallengeRow>,
    @Inject(mfaConfig.KEY) private readonly config: ConfigType<typeof mfaConfig>,
  ) {}

  async issue(userId: string, clientId: string | null, firstFactor: FirstFactor): Promise<MfaChallenge> {
    const mfaToken = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.challengeTtlMs);
    // The user's dead challenges go now, so the table holds only live ones (and the few of the last minutes).
    await this.rows.delete({ userId, expiresAt: LessThan(now) });
    await this.rows.insert({ id: randomUUID(), tokenHash: hashToken(mfaToken), userId, clientId, firstFactor, attempts: 0, expiresAt, usedAt: null, createdAt: now });
    return { mfaToken, methods: SECOND_FACTOR_METHODS, expiresAt };
  }

  /**
   * The live challenge of this token (unused, unexpired, attempts left), with one attempt taken for the code about to
   * be checked; null otherwise. Taking the attempt before the check, in one conditional UPDATE, is what holds the
   * limit against many requests sent at once: each must win its attempt first.
   */
  async open(mfaToken: string): Promise<MfaChallengeRow | null> {
    const row = await this.rows.findOneBy({ tokenHash: hashToken(mfaToken), ...this.live() });
    if (!row) return null;
    // Compare-and-swap on the count read (which was under the limit), still unused and unexpired.
    const taken = await this.rows.update({ ...this.live(), id: row.id, attempts: row.attempts }, { attempts: row.attempts + 1 });
    // Another request took this attempt meanwhile: try the next one, if any is left.
    return (taken.affected ?? 0) > 0 ? row : this.open(mfaToken);
  }

  /**
   * Uses the challenge up; false when a concurrent request used it first. Whether it was live was decided when it
   * was opened: expiring (or running out of attempts) while its right code is checked must not spend that code.
   */
  async consume(id: string): Promise<boolean> {
    const result = await this.rows.update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async removeAll(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(MfaChallengeRow).delete({ userId });
  }

  private live() {
    return { usedAt: IsNull(), expiresAt: MoreThan(new Date()), attempts: LessThan(MAX_CODE_ATTEMPTS) };
  }
}
