import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccountTokenPurpose = 'password_reset' | 'email_verification';

/**
 * The live token of one purpose for one user: (userId, purpose) is the key, so issuing a token overwrites the row
 * and the older token is void at once, by construction. Only its SHA-256 is stored (see opaque-token.ts).
 */
@Entity('account_tokens')
export class AccountToken {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  purpose!: AccountTokenPurpose;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The address the link was sent to; a token is void once the account's e-mail is another. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  expiresAt!: Date;

  /** Set once, by the conditional UPDATE that consumes the token. */
  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;
}
