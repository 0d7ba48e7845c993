import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from './column-types';

export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(usersTable(columnTypes(queryRunner)));
    await queryRunner.createTable(clientsTable(columnTypes(queryRunner)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('clients');
    await queryRunner.dropTable('users');
  }
}

type ColumnTypes = ReturnType<typeof columnTypes>;

function usersTable(t: ColumnTypes): Table {
  const audit = [
    { name: 'createdAt', type: t.timestamp },
    { name: 'createdBy', type: 'varchar', length: '64', isNullable: true },
    { name: 'updatedAt', type: t.timestamp },
    { name: 'updatedBy', type: 'varchar', length: '64', isNullable: true },
  ];
  return new Table({
    name: 'users',
    columns: [
      // Snowflake ids exceed 2^53, so they are kept as decimal strings: SQLite would hand them back as lossy numbers.
      { name: 'id', type: 'varchar', length: '20', isPrimary: true },
      { name: 'guid', type: 'varchar', length: '40', isUnique: true },
      { name: 'username', type: 'varchar', length: '64', isNullable: true, isUnique: true },
      { name: 'email', type: 'varchar', length: '254', isUnique: true },
      { name: 'emailVerified', type: t.boolean, default: false },
      { name: 'passwordHash', type: 'varchar', length: '100', isNullable: true },
      { name: 'name', type: 'varchar', length: '200', isNullable: true },
      { name: 'firstName', type: 'varchar', length: '100', isNullable: true },
      { name: 'lastName', type: 'varchar', length: '100', isNullable: true },
      { name: 'locale', type: 'varchar', length: '35', isNullable: true },
      { name: 'roles', type: t.text, isNullable: true },
      { name: 'phoneNumber', type: 'varchar', length: '32', isNullable: true },
      { name: 'avatar', type: 'varchar', length: '2048', isNullable: true },
      { name: 'birthday', type: 'varchar', length: '10', isNullable: true },
      { name: 'gender', type: 'varchar', length: '32', isNullable: true },
      { name: 'using2FA', type: t.boolean, default: false },
      { name: 'isActive', type: t.boolean, default: true },
      { name: 'isLocked', type: t.boolean, default: false },
      { name: 'lockedAt', type: t.timestamp, isNullable: true },
      ...audit,
      { name: 'deletedAt', type: t.timestamp, isNullable: true },
      { name: 'deletedBy', type: 'varchar', length: '64', isNullable: true },
    ],
  });
}

function clientsTable(t: ColumnTypes): Table {
  return new Table({
    name: 'clients',
    columns: [
      { name: 'id', type: 'varchar', length: '100', isPrimary: true },
      // SHA-256 hex of the secret; null for a public client.
      { name: 'secretHash', type: 'varchar', length: '64', isNullable: true },
      { name: 'createdAt', type: t.timestamp },
      { name: 'updatedAt', type: t.timestamp },
    ],
  });
}
