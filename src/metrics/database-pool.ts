import { DataSource } from 'typeorm';
import { PoolState } from './metrics';

/** The parts of pg's Pool that say how busy it is. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * How busy the PostgreSQL pool of `dataSource` is, or null on SQLite (one connection, used synchronously: there is
 * no pool to saturate). Read at each scrape, so nothing runs between scrapes.
 */
export function databasePoolState(dataSource: DataSource): PoolState | null {
  if (dataSource.options.type !== 'postgres' || !dataSource.isInitialized) return null;
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 10 };
}
