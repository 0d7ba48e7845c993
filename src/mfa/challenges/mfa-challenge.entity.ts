import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first factor to which an mfaToken is bound. */
export type FirstFactor = 'password' | 'google';

/**
 * The step between a right first factor and the code: the mfaToken's hash, whose user, for which client (null on
 * the Orion routes), after which first factor, until when, and how many codes have been tried with it.
 */
@Entity('mfa_challenges')
export class MfaChallengeRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Index('IDX_mfa_challenges_user')
  @Column({ type: 'varchar', length: 20 })
  userId!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  clientId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  firstFactor!: FirstFactor;

  /** Codes tried with it so far (taken before each check, so concurrent tries cannot pass the limit). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: Date })
  expiresAt!: Date;

  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;

  @Column({ type: Date })
  createdAt!: Date;
}
