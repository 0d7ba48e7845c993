import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A kind of imported password hash some users still have (argon2 with given parameters, PBKDF2 with so many
 * iterations…), named by the text before the salt, with a dummy hash of the same cost made of random bytes. Every
 * failed sign-in checks each of these dummies, so that it costs the same whatever the user's hash (see
 * PasswordCheck). Nothing in it comes from a user's hash but its parameters.
 */
@Entity('password_hash_profiles')
export class PasswordHashProfile {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  prefix!: string;

  @Column({ type: 'varchar', length: 255 })
  dummy!: string;

  /** When a sync last wrote a hash of this kind: a profile is only pruned if none was written since the check began. */
  @Column({ type: Date })
  lastSeenAt!: Date;
}
