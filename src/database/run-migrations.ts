import { DataSource } from 'typeorm';

/** The key of the PostgreSQL advisory lock under which an instance migrates (any constant, the same everywhere). */
const MIGRATION_LOCK_KEY = 7_468_253_016;

/**
 * The migrations, run by one instance at a time. Several instances started together on an empty PostgreSQL database
 * (a deployment, a scaled-out restart) would each create the same tables at once and all but one fail with a
 * duplicate key in the catalogue; under a session advisory lock the others wait, then find nothing to do. The lock
 * lives on a connection of its own, so it is released even if this process dies holding it. SQLite is one file
 * of one instance: its migrations run as TypeORM runs them.
 */
export async function runMigrationsOneAtATime(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
