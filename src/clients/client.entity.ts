import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client application allowed to call /api/auth/login. */
@Entity('clients')
export class Client {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id!: string;

  /** SHA-256 hex of the secret; null for a public client (an SPA, which cannot keep a secret). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  secretHash!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
