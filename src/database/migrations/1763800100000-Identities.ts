import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/** Outside sign-in identities (Google), linked to users; (provider, subject) is the primary key, hence unique. */
export class Identities1763800100000 implements MigrationInterface {
  name = 'Identities1763800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'identities',
        columns: [
          { name: 'provider', type: 'varchar', length: '32', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '255', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '20' },
          { name: 'createdAt', type: t.timestamp },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_identities_user',
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ name: 'IDX_identities_user', columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('identities');
  }
}
