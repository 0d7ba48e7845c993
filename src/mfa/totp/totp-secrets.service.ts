import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThan, Not, Or, Repository } from 'typeorm';
import { Errors } from '../../common/errors/api-error';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DataKeys } from '../../encryption/data-keys';
import { matchingStep, newTotpSecret } from './totp';
import { UserTotp } from './user-totp.entity';

/** The result of checking a code against the user's active secret. */
export type TotpCheck = 'accepted' | 'wrong' | 'reused' | 'none';

/** A pending secret, opened, with the stored (sealed) value that a confirmation must still find. */
export interface PendingTotp {
  secret: string;
  sealed: string;
}

/** The additional authenticated data of a user's sealed secret: it opens on that user's row only. */
const context = (userId: string) => `totp:${userId}`;

/** How often an enrolment retries after losing a race to insert the same user's row. */
const MAX_ATTEMPTS = 3;

/** The user_totp rows: secrets sealed by DataKeys on the way in, opened only to check a code. */
@Injectable()
export class TotpSecrets {
  constructor(
    @InjectRepository(UserTotp) private readonly rows: Repository<UserTotp>,
    private readonly keys: DataKeys,
  ) {}

  /** Stores a new pending secret (replacing a pending one) and returns it; 409 when one is already active. */
  async startEnrolment(userId: string): Promise<string> {
    const secret = newTotpSecret();
    const fields = { secret: this.keys.seal(secret, context(userId)), lastUsedStep: null, createdAt: new Date() };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (await this.isActive(userId)) throw Errors.conflict('mfa_already_enabled', 'Two-factor sign-in is already on; turn it off first to enrol again');
      const replaced = await this.rows.update({ userId, confirmedAt: IsNull() }, fields);
      if ((replaced.affected ?? 0) > 0) return secret;
      try {
        await this.rows.insert({ userId, confirmedAt: null, ...fields });
        return secret;
      } catch (e) {
        // A concurrent enrolment inserted first: its row is replaced (or found active) on the next turn.
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw Errors.conflict('mfa_enrolment_conflict', 'Another enrolment is in progress; try again');
  }

  async pending(userId: string): Promise<PendingTotp | null> {
    const row = await this.rows.findOneBy({ userId, confirmedAt: IsNull() });
    return row && { secret: this.keys.open(row.secret, context(userId)), sealed: row.secret };
  }

  isActive(userId: string): Promise<boolean> {
    return this.rows.existsBy({ userId, confirmedAt: Not(IsNull()) });
  }

  /**
   * Activates the pending secret that was checked (`sealed`), with the step of the code that confirmed it. False
   * when it changed meanwhile (a new enrolment replaced it, or another confirmation won).
   */
  async activate(em: EntityManager, userId: string, sealed: string, step: number): Promise<boolean> {
    const result = await em.getRepository(UserTotp).update({ userId, secret: sealed, confirmedAt: IsNull() }, { confirmedAt: new Date(), lastUsedStep: step });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Checks a TOTP code against the active secret. Accepting is one conditional UPDATE of the last used step, so two
   * requests with the same code (or an older one) cannot both pass: the database lets one of them move the step.
   * A secret sealed under an older key is re-sealed under the current one in that same UPDATE (key rotation).
   */
  async check(userId: string, code: string): Promise<TotpCheck> {
    const row = await this.rows.findOneBy({ userId, confirmedAt: Not(IsNull()) });
    if (!row) return 'none';
    const secret = this.keys.open(row.secret, context(userId));
    const step = matchingStep(secret, code);
    if (step === null) return 'wrong';
    const resealed = this.keys.isCurrent(row.secret) ? {} : { secret: this.keys.seal(secret, context(userId)) };
    const result = await this.rows.update(
      { userId, confirmedAt: Not(IsNull()), lastUsedStep: Or(IsNull(), LessThan(step)) },
      { lastUsedStep: step, ...resealed },
    );
    return (result.affected ?? 0) > 0 ? 'accepted' : 'reused';
  }

  async remove(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(UserTotp).delete({ userId });
  }
}
