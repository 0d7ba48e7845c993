import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/** Refresh-token families, and the users' token generation that revokes every token of a user at once. */
export class RefreshTokens1763800200000 implements MigrationInterface {
  name = 'RefreshTokens1763800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumn('users', new TableColumn({ name: 'tokenGeneration', type: 'integer', default: 0 }));
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'familyId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '20' },
          { name: 'clientId', type: 'varchar', length: '100' },
          // SHA-256 hex of the token: the token itself is never stored.
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'generation', type: 'integer' },
          { name: 'createdAt', type: t.timestamp },
          { name: 'expiresAt', type: t.timestamp },
          { name: 'usedAt', type: t.timestamp, isNullable: true },
          { name: 'revokedAt', type: t.timestamp, isNullable: true },
          { name: 'successorId', type: 'varchar', length: '36', isNullable: true },
          { name: 'successorCiphertext', type: 'varchar', length: '200', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createIndex('refresh_tokens', new TableIndex({ name: 'IDX_refresh_tokens_family', columnNames: ['familyId'] }));
    await queryRunner.createIndex('refresh_tokens', new TableIndex({ name: 'IDX_refresh_tokens_user', columnNames: ['userId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens');
    await queryRunner.dropColumn('users', 'tokenGeneration');
  }
}
