import { MigrationInterface, QueryRunner, Table, TableForeignKeyOptions } from 'typeorm';
import { columnTypes } from './column-types';

type Types = ReturnType<typeof columnTypes>;

const ofUser: TableForeignKeyOptions = { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' };

/** Each user's TOTP secret: pending until confirmed, then active. */
const userTotp = (t: Types) =>
  new Table({
    name: 'user_totp',
    columns: [
      { name: 'userId', type: 'varchar', length: '20', isPrimary: true },
      // AES-256-GCM under a DATA_ENCRYPTION_KEY, with the key's id: never the secret itself.
      { name: 'secret', type: 'varchar', length: '255' },
      { name: 'confirmedAt', type: t.timestamp, isNullable: true },
      // The last accepted time step: a code of that step or an earlier one is refused (replay protection).
      { name: 'lastUsedStep', type: 'integer', isNullable: true },
      { name: 'createdAt', type: t.timestamp },
    ],
    foreignKeys: [ofUser],
  });

/** Single-use recovery codes, hashed. */
const recoveryCodes = (t: Types) =>
  new Table({
    name: 'recovery_codes',
    columns: [
      { name: 'id', type: 'varchar', length: '36', isPrimary: true },
      { name: 'userId', type: 'varchar', length: '20' },
      { name: 'codeHash', type: 'varchar', length: '64', isUnique: true },
      { name: 'usedAt', type: t.timestamp, isNullable: true },
      { name: 'createdAt', type: t.timestamp },
    ],
    foreignKeys: [ofUser],
    indices: [{ name: 'IDX_recovery_codes_user', columnNames: ['userId'] }],
  });

/** The step between the first factor and the code: the mfaToken, hashed. */
const mfaChallenges = (t: Types) =>
  new Table({
    name: 'mfa_challenges',
    columns: [
      { name: 'id', type: 'varchar', length: '36', isPrimary: true },
      { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
      { name: 'userId', type: 'varchar', length: '20' },
      { name: 'clientId', type: 'varchar', length: '100', isNullable: true },
      { name: 'firstFactor', type: 'varchar', length: '16' },
      { name: 'attempts', type: 'integer', default: 0 },
      { name: 'expiresAt', type: t.timestamp },
      { name: 'usedAt', type: t.timestamp, isNullable: true },
      { name: 'createdAt', type: t.timestamp },
    ],
    foreignKeys: [ofUser, { columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
    indices: [{ name: 'IDX_mfa_challenges_user', columnNames: ['userId'] }],
  });

/** Two-factor sign-in: TOTP secrets, recovery codes and challenges. `users.using2FA` already exists. */
export class TwoFactor1764000300000 implements MigrationInterface {
  name = 'TwoFactor1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    for (const table of [userTotp(t), recoveryCodes(t), mfaChallenges(t)]) await queryRunner.createTable(table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['mfa_challenges', 'recovery_codes', 'user_totp']) await queryRunner.dropTable(name);
  }
}
