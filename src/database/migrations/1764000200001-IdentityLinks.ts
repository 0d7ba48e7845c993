import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Links to outside accounts (Google) follow Google's guidance, keyed on `sub`:
 * - `unlinkedAt`: an unlinked identity is kept, so Google sign-in does not link it back by e-mail on its next use;
 *   the owner's decision to unlink stands until the owner links again.
 * - a user has at most one linked account per provider (unique (provider, userId) among linked rows): signed in
 *   with one Google account, a user is never signed in with another. Before, a second Google account with the same
 *   e-mail (a mailbox deleted and re-created gets a new `sub`) was linked silently on its first sign-in. Those later
 *   links are marked unlinked here, each user keeping its first link: they were made by exactly that flaw, and the
 *   owner can link again from a signed-in session. The index also settles two simultaneous links of one user.
 */
export class IdentityLinks1764000200001 implements MigrationInterface {
  name = 'IdentityLinks1764000200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.addColumn('identities', new TableColumn({ name: 'unlinkedAt', type: t.timestamp, isNullable: true }));
    // The text form TypeORM stores SQLite datetimes in (UTC, milliseconds); PostgreSQL takes the Date itself.
    const now = postgres ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', '');
    await queryRunner.query(
      `UPDATE identities SET "unlinkedAt" = ${postgres ? '$1' : '?'} WHERE EXISTS (
         SELECT 1 FROM identities earlier
         WHERE earlier.provider = identities.provider AND earlier."userId" = identities."userId"
           AND (earlier."createdAt" < identities."createdAt"
             OR (earlier."createdAt" = identities."createdAt" AND earlier.subject < identities.subject)))`,
      [now],
    );
    await queryRunner.createIndex(
      'identities',
      new TableIndex({ name: 'UQ_identities_provider_user', columnNames: ['provider', 'userId'], isUnique: true, where: '"unlinkedAt" IS NULL' }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('identities', 'UQ_identities_provider_user');
    await queryRunner.query(`DELETE FROM identities WHERE "unlinkedAt" IS NOT NULL`);
    await queryRunner.dropColumn('identities', 'unlinkedAt');
  }
}
