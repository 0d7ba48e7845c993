import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * The tokens of the e-mail links (password reset, e-mail verification): one row per user and purpose, so a newer
 * token replaces the older in place, and only the token's SHA-256 is stored.
 */
export class AccountTokens1764000400000 implements MigrationInterface {
  name = 'AccountTokens1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          { name: 'userId', type: 'varchar', length: '20', isPrimary: true },
          { name: 'purpose', type: 'varchar', length: '32', isPrimary: true },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          // The address the link was sent to: the token is void once the account has another.
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'createdAt', type: t.timestamp },
          { name: 'expiresAt', type: t.timestamp },
          { name: 'usedAt', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('account_tokens');
  }
}
