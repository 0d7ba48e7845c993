import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one transaction. On SQLite every TypeORM query shares one connection, so two overlapping
 * transactions would interleave (and a rollback would take the other's writes with it); there they are serialised,
 * which costs nothing real since SQLite admits one writer at a time anyway.
 */
@Injectable()
export class TransactionRunner {
  private readonly sqliteLock: Mutex | null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqliteLock = dataSource.options.type === 'postgres' ? null : new Mutex();
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqliteLock) return this.dataSource.transaction(work);
    return this.sqliteLock.runExclusive(() => this.dataSource.transaction(work));
  }
}
