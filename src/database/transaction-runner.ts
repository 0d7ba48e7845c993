import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs a unit of work in one transaction.
 *
 * On SQLite, TypeORM sends every query through one connection (one query runner). Left alone, a query issued by
 * another request while a transaction is open would run inside that transaction, and a rollback would silently undo
 * it after it had answered 200 (an admin lock undone by a concurrent sync's retry, for instance). So on SQLite a
 * transaction holds a lock for its whole length, and every query issued outside a transaction waits for that lock;
 * queries of the transaction itself (recognised by their async context) go straight through. SQLite admits one
 * writer at a time anyway, so this costs little. PostgreSQL has a pool of connections and needs none of it.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteLock: Mutex | null;
  private readonly inTransaction = new AsyncLocalStorage<true>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqliteLock = dataSource.options.type === 'postgres' ? null : new Mutex();
    if (this.sqliteLock) this.serialiseSqliteQueries(this.sqliteLock);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqliteLock) return this.dataSource.transaction(work);
    return this.sqliteLock.runExclusive(() => this.inTransaction.run(true, () => this.dataSource.transaction(work)));
  }

  private serialiseSqliteQueries(lock: Mutex): void {
    const runner = this.dataSource.createQueryRunner(); // the SQLite drivers hand out one shared runner
    const proto = Object.getPrototypeOf(runner) as QueryRunner;
    // The class's method is looked up at each call, so whatever wraps it later (a test's spy) still sees every query.
    const query = (...args: Parameters<QueryRunner['query']>) => proto.query.apply(runner, args);
    runner.query = ((...args: Parameters<QueryRunner['query']>) =>
      this.inTransaction.getStore() ? query(...args) : lock.runExclusive(() => query(...args))) as QueryRunner['query'];
  }
}
