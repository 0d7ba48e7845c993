import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One single-use recovery code of a user, stored as a hash only (see recovery-code.secret.ts). */
@Entity('recovery_codes')
export class RecoveryCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_recovery_codes_user')
  @Column({ type: 'varchar', length: 20 })
  userId!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  codeHash!: string;

  /** Set once, by a conditional UPDATE: whoever sets it has used the code. */
  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;

  @Column({ type: Date })
  createdAt!: Date;
}
