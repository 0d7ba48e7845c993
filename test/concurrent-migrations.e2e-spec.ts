import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config/database.config';
import { MIGRATIONS } from '../src/database/migrations';
import { runMigrationsOneAtATime } from '../src/database/run-migrations';
import { buildDataSourceOptions } from '../src/database/typeorm-options';
import { describeOnPostgres, withDatabase } from './support/databases';

/**
 * Several instances started together on an empty PostgreSQL database (a deployment of three): each runs the
 * migrations at start. Without the advisory lock all but one failed on a duplicate key in pg_type.
 */
describeOnPostgres('migrations run by several instances at once', (kind) => {
  it('succeed in every instance and apply each migration once', async () => {
    await withDatabase(kind, async (db) => {
      const options = { ...buildDataSourceOptions(parseDatabaseUrl(db.url)), migrationsRun: false };
      const sources = await Promise.all([1, 2, 3, 4].map(() => new DataSource(options).initialize()));
      try {
        await expect(Promise.all(sources.map((s) => runMigrationsOneAtATime(s)))).resolves.toHaveLength(4);
        const applied = (await sources[0].query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
        expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
      } finally {
        await Promise.all(sources.map((s) => s.destroy()));
      }
    });
  });
});
