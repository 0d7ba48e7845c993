import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token of a rotation family. Only the SHA-256 of the token is stored (see refresh-token.secret.ts).
 * A family starts at a login and gains one row per rotation; its `expiresAt` is fixed at the login (absolute TTL).
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_refresh_tokens_family')
  @Column({ type: 'varchar', length: 36 })
  familyId!: string;

  @Index('IDX_refresh_tokens_user')
  @Column({ type: 'varchar', length: 20 })
  userId!: string;

  @Column({ type: 'varchar', length: 100 })
  clientId!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The user's tokenGeneration when the family started; a raised generation revokes the family. */
  @Column({ type: 'integer' })
  generation!: number;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  expiresAt!: Date;

  /** Set (once, by a conditional UPDATE) when the token is rotated. */
  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;

  /** Indexed: each rotation wipes the sealed copy held by the row whose successor is the one presented. */
  @Index('IDX_refresh_tokens_successor')
  @Column({ type: 'varchar', length: 36, nullable: true })
  successorId!: string | null;

  /** The successor's token, AES-GCM-encrypted under a key derived from THIS token (only its holder can open it). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  successorCiphertext!: string | null;
}
