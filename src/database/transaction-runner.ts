import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs a unit of work in one transaction. `work` must do all its queries through the EntityManager it is given.
 *
 * On SQLite, TypeORM sends every query through one connection (one shared query runner). Left alone, a query issued
 * by another request while a transaction is open would run inside that transaction, and a rollback would silently
 * undo it after it had answered 200 (an admin lock undone by a concurrent sync's retry, for instance). So on SQLite
 * a transaction holds a lock for its whole length, and every query sent through the shared runner waits for that
 * lock. The transaction's own queries go through a view of the shared runner that skips the lock (the lock is
 * already theirs). SQLite admits one writer at a time anyway, so this costs little. PostgreSQL has a pool of
 * connections and needs none of it.
 *
 * The transaction's queries are told apart by the runner they use rather than by an AsyncLocalStorage context: in
 * Node 20, an active AsyncLocalStorage adds a hook to every promise of every request, which cost about a quarter of
 * a token-checked read (docs/benchmarks.md).
 */
type QueryArgs = Parameters<QueryRunner['query']>;
type ClassQuery = (runner: QueryRunner, args: QueryArgs) => ReturnType<QueryRunner['query']>;

@Injectable()
export class TransactionRunner {
  private readonly sqlite: { lock: Mutex; shared: QueryRunner; query: ClassQuery } | null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'postgres' ? null : this.serialiseSqliteQueries();
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const sqlite = this.sqlite;
    if (!sqlite) return this.dataSource.transaction(work);
    return sqlite.lock.runExclusive(() => this.transactionView(sqlite.shared, sqlite.query).transaction(work));
  }

  private serialiseSqliteQueries(): { lock: Mutex; shared: QueryRunner; query: ClassQuery } {
    const lock = new Mutex();
    const shared = this.dataSource.createQueryRunner(); // the SQLite drivers hand out one shared runner
    // The class's method, looked up at each call so that whatever wraps it later (a test's spy) sees every query.
    const proto = Object.getPrototypeOf(shared) as QueryRunner;
    const query: ClassQuery = (runner, args) => proto.query.apply(runner, args);
    shared.query = ((...args: QueryArgs) => lock.runExclusive(() => query(shared, args))) as QueryRunner['query'];
    return { lock, shared, query };
  }

  /**
   * The shared runner for one transaction, with queries that go straight through. Its transaction state (active,
   * depth) is its own, so the shared runner is left as it was; its manager is bound to it, so the repositories and
   * query builders of `work` use it too.
   */
  private transactionView(shared: QueryRunner, query: ClassQuery): EntityManager {
    // Never nested in a transaction of the shared runner (nothing opens one on it: every transaction goes through
    // here), and never inheriting its state: each view starts with BEGIN, not a savepoint.
    if (shared.isTransactionActive) throw new Error('The shared SQLite query runner is inside a transaction');
    const view = Object.create(shared) as QueryRunner;
    Object.assign(view, { isTransactionActive: false, transactionDepth: 0 });
    view.query = ((...args: QueryArgs) => query(view, args)) as QueryRunner['query'];
    const manager = this.dataSource.createEntityManager(view);
    Object.assign(view, { manager });
    return manager;
  }
}
