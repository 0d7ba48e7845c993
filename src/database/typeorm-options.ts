import { DataSourceOptions } from 'typeorm';
import { DatabaseSettings } from '../config/database.config';
import { MIGRATIONS } from './migrations';

/**
 * One options factory for the app and for the TypeORM CLI (ormconfig.ts), so both run the same migrations.
 * The schema is owned by migrations, run at start; `synchronize` stays off because it can drop columns.
 * Entities are not listed here: each feature module registers its own (TypeOrmModule.forFeature) and the app's
 * connection loads them (autoLoadEntities), so this folder depends on no feature. The CLI only runs and reverts
 * the hand-written migrations, which need no entity.
 */
export function buildDataSourceOptions(db: DatabaseSettings & { sqliteSynchronous?: 'full' | 'normal' }): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
  } as const;
  if (db.kind === 'postgres') {
    return { ...common, type: 'postgres', url: db.url, extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path === ':memory:' ? ':memory:' : db.path,
    // WAL lets readers proceed while a write is in progress; busy_timeout waits for a lock instead of failing.
    enableWAL: db.path !== ':memory:',
    prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
      // Durability of a commit: see `sqliteSynchronous` in config/database.config.ts (full unless asked otherwise).
      sqlite.pragma(`synchronous = ${db.sqliteSynchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    },
  };
}
