import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's TOTP secret: pending until confirmed with a first code, then active. One per user. */
@Entity('user_totp')
export class UserTotp {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  userId!: string;

  /** Sealed by DataKeys (AES-256-GCM, bound to the user id): the base32 secret itself is never stored. */
  @Column({ type: 'varchar', length: 255 })
  secret!: string;

  /** Null while pending: nothing is active until the user proves their app holds the secret. */
  @Column({ type: Date, nullable: true })
  confirmedAt!: Date | null;

  /** The last accepted time step: only a later step's code is accepted (one code, one use). */
  @Column({ type: 'integer', nullable: true })
  lastUsedStep!: number | null;

  @Column({ type: Date })
  createdAt!: Date;
}
