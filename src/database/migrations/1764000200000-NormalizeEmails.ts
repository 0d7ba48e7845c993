import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails were stored trimmed and lower-cased only; they are now NFKC-normalised first (normalizeIdentifier), and
 * every look-up normalises what it is given the same way. A stored address that NFKC changes (full-width letters,
 * ligatures…) would no longer be found, so it is rewritten in the new form, unless another user already holds that
 * form: then both stay as they are (which account the address belongs to is a person's decision, not a migration's),
 * and the one not in normal form signs in by username or gets a new address from its syncing system.
 * The normalisation is written out here, not imported: a migration must do tomorrow what it did when it was written.
 */
export class NormalizeEmails1764000200000 implements MigrationInterface {
  name = 'NormalizeEmails1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    // Only addresses with a character outside printable ASCII can change; NFKC leaves ASCII as it is.
    const nonAscii = postgres ? `email ~ '[^ -~]'` : `email GLOB '*[^ -~]*'`;
    const param = (i: number) => (postgres ? `$${i}` : '?');
    const rows = (await queryRunner.query(`SELECT id, email FROM users WHERE ${nonAscii}`)) as { id: string; email: string }[];
    for (const { id, email } of rows) {
      const normalized = email.normalize('NFKC').toLowerCase().trim();
      if (normalized === email) continue;
      const taken = (await queryRunner.query(`SELECT id FROM users WHERE email = ${param(1)}`, [normalized])) as unknown[];
      if (taken.length === 0) await queryRunner.query(`UPDATE users SET email = ${param(1)} WHERE id = ${param(2)}`, [normalized, id]);
    }
  }

  /** Nothing to undo: the addresses are the same addresses, and the old forms are not kept. */
  async down(): Promise<void> {}
}
