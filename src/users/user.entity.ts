import { Column, DeleteDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type LockReason = 'failed_logins' | 'admin';

/**
 * A person who can sign in. Timestamps are set by the services (not DB defaults) so SQLite and PostgreSQL keep the
 * same millisecond precision. `passwordHash` never leaves UsersModule's mapper: see user.mapper.ts.
 */
@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id!: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  guid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  username!: string | null;

  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ type: 'boolean', default: false })
  emailVerified!: boolean;

  /** bcrypt, or a hash imported from another system (argon2, scrypt, PBKDF2) until the first sign-in upgrades it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /**
   * SHA-256 (hex) of the last password hash imported for this user (`passwordHash` in a sync or an import), kept when
   * the first sign-in upgrades it to bcrypt. Importing the same hash again then changes nothing: a second run of a
   * migration does not put back the old hash nor end sessions. Useless to an attacker: it hides the hash's salt.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  importedPasswordDigest!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastName!: string | null;

  @Column({ type: 'varchar', length: 35, nullable: true })
  locale!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  roles!: string[] | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phoneNumber!: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  avatar!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  birthday!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  gender!: string | null;

  @Column({ type: 'boolean', default: false })
  using2FA!: boolean;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'boolean', default: false })
  isLocked!: boolean;

  @Column({ type: Date, nullable: true })
  lockedAt!: Date | null;

  /**
   * Raised by everything that must end the user's sessions (password change, lock, delete, logout everywhere).
   * Access tokens carry the value they were issued under (`gen`) and refresh tokens store it, so one UPDATE of
   * this row invalidates both at once, exactly (no clock or iat rounding involved), and in the same transaction
   * as the change that caused it.
   */
  @Column({ type: 'integer', default: 0 })
  tokenGeneration!: number;

  /**
   * Why the account is locked: `failed_logins` (automatic, ends at `lockedUntil`) or `admin` (until an admin
   * unlocks). A lock with any other reason, or none, is treated as an admin lock: only automatic locks expire.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  lockReason!: LockReason | null;

  /** End of an automatic lock; null for an admin lock. */
  @Column({ type: Date, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  createdBy!: string | null;

  @Column({ type: Date })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  @DeleteDateColumn({ type: Date, nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  deletedBy!: string | null;
}
