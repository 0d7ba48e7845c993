import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A sign-in identity at an outside provider ("google" + its `sub`) linked to one user. The primary key
 * (provider, subject) is the unique constraint that makes two simultaneous first sign-ins end in one link.
 */
@Entity('identities')
export class Identity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  provider!: string;

  /** The provider's stable id for the account (Google's `sub`), never the e-mail, which can change hands. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'varchar', length: 20 })
  userId!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
