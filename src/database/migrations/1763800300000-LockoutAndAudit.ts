import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/** Automatic-lock columns on users (why and until when), and the audit_events table. */
export class LockoutAndAudit1763800300000 implements MigrationInterface {
  name = 'LockoutAndAudit1763800300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'lockReason', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'lockedUntil', type: t.timestamp, isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          { name: 'id', type: 'varchar', length: '20', isPrimary: true },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'actorId', type: 'varchar', length: '64', isNullable: true },
          { name: 'subjectId', type: 'varchar', length: '64', isNullable: true },
          { name: 'clientId', type: 'varchar', length: '100', isNullable: true },
          { name: 'ip', type: 'varchar', length: '45', isNullable: true },
          { name: 'userAgent', type: 'varchar', length: '256', isNullable: true },
          { name: 'details', type: t.text, isNullable: true },
          { name: 'createdAt', type: t.timestamp },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_events_subject', columnNames: ['subjectId', 'createdAt'] }),
          new TableIndex({ name: 'IDX_audit_events_type', columnNames: ['type', 'createdAt'] }),
          new TableIndex({ name: 'IDX_audit_events_created', columnNames: ['createdAt'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
    await queryRunner.dropColumn('users', 'lockedUntil');
    await queryRunner.dropColumn('users', 'lockReason');
  }
}
