import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in identity at an outside provider ("google" + its `sub`) linked to one user. The primary key
 * (provider, subject) is the unique constraint that makes two simultaneous first sign-ins end in one link; the unique
 * (provider, userId) among linked rows keeps a user to one account per provider (migration IdentityLinks).
 */
@Entity('identities')
@Index('UQ_identities_provider_user', ['provider', 'userId'], { unique: true, where: '"unlinkedAt" IS NULL' })
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

  /**
   * Set when the owner unlinked the account: the row stays so that sign-in does not link it back by e-mail (the
   * owner links again explicitly). A row with it set links nobody.
   */
  @Column({ type: Date, nullable: true })
  unlinkedAt!: Date | null;
}
