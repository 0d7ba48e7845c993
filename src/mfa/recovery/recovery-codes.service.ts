import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODES_PER_SET } from './recovery-code.secret';
import { RecoveryCode } from './recovery-code.entity';

/** A user's recovery codes: made in sets, stored hashed, each usable once. */
@Injectable()
export class RecoveryCodes {
  constructor(@InjectRepository(RecoveryCode) private readonly codes: Repository<RecoveryCode>) {}

  /** A new set, replacing the old one (which stops working); the only time the codes themselves exist. */
  async replace(em: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES_PER_SET }, newRecoveryCode);
    const now = new Date();
    const rows = codes.map((code) => ({ id: randomUUID(), userId, codeHash: hashRecoveryCode(userId, code.replace(/-/g, '')), usedAt: null, createdAt: now }));
    await this.removeAll(em, userId);
    await em.getRepository(RecoveryCode).insert(rows);
    return codes;
  }

  /**
   * Uses a (normalised) code: one conditional UPDATE, so of two requests with the same code only one gets true.
   * Returns the codes left after it, or null when the code is not one of the user's unused codes.
   */
  async consume(userId: string, normalisedCode: string): Promise<number | null> {
    const result = await this.codes.update({ userId, codeHash: hashRecoveryCode(userId, normalisedCode), usedAt: IsNull() }, { usedAt: new Date() });
    if ((result.affected ?? 0) === 0) return null;
    return this.codes.countBy({ userId, usedAt: IsNull() });
  }

  async removeAll(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(RecoveryCode).delete({ userId });
  }
}
