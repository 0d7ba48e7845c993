import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Password hashes made by other systems: `passwordHash` grows to 255 characters (a PBKDF2-SHA512 or argon2 PHC
 * string is longer than bcrypt's 60), `importedPasswordDigest` remembers which imported hash the current one stands
 * for (see User.importedPasswordDigest), and `password_hash_profiles` lists the kinds of imported hash still in use,
 * each with a dummy of its cost (see PasswordProfiles).
 */
export class ImportedPasswordHashes1764000500000 implements MigrationInterface {
  name = 'ImportedPasswordHashes1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('users', 'passwordHash', new TableColumn({ name: 'passwordHash', type: 'varchar', length: '255', isNullable: true }));
    await queryRunner.addColumn('users', new TableColumn({ name: 'importedPasswordDigest', type: 'varchar', length: '64', isNullable: true }));
    await queryRunner.createTable(
      new Table({
        name: 'password_hash_profiles',
        columns: [
          { name: 'prefix', type: 'varchar', length: '128', isPrimary: true },
          { name: 'dummy', type: 'varchar', length: '255' },
          { name: 'lastSeenAt', type: columnTypes(queryRunner).timestamp },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_hash_profiles');
    await queryRunner.dropColumn('users', 'importedPasswordDigest');
    // A longer imported hash cannot be kept in 100 characters: those users lose their password (they can reset it).
    await queryRunner.query(`UPDATE "users" SET "passwordHash" = NULL WHERE LENGTH("passwordHash") > 100`);
    await queryRunner.changeColumn('users', 'passwordHash', new TableColumn({ name: 'passwordHash', type: 'varchar', length: '100', isNullable: true }));
  }
}
