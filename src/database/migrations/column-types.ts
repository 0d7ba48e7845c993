import { QueryRunner } from 'typeorm';

/**
 * The few column types that differ between SQLite and PostgreSQL, so one migration serves both.
 * PostgreSQL gets timestamptz: instants stay instants whatever the server's time zone.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  return {
    timestamp: postgres ? 'timestamptz' : 'datetime',
    boolean: 'boolean',
    text: 'text',
  };
}
