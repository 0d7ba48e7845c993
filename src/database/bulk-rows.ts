import { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { hydrateRow } from './column-lookup';

/** Bound parameters per statement: under SQLite's limit of 32,766 (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Many rows of one entity read and written in few statements, built from its metadata as ColumnLookup does (no
 * query builder per call): the rows matching any of several values of some columns, and a multi-row upsert. For
 * batch writes (the user import), where one statement per row would cost more than the rest together.
 */
export class BulkRows<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  private readonly postgres: boolean;
  private readonly table: string;

  /** `updatable`: the columns an upsert may change on an existing row; the others keep their stored value. */
  constructor(
    private readonly repository: Repository<T>,
    private readonly updatable: (keyof T & string)[],
  ) {
    this.columns = repository.metadata.columns.filter((c) => !c.isVirtual && c.isSelect);
    this.postgres = repository.manager.connection.driver.options.type === 'postgres';
    this.table = repository.metadata.tablePath.split('.').map((part) => this.escape(part)).join('.');
  }

  /**
   * The rows (soft-deleted ones included) whose column equals one of its values, for each column given, ordered by
   * primary key. `forUpdate` locks them until the transaction ends (PostgreSQL; SQLite has one writer at a time).
   */
  async findAny(em: EntityManager, values: Partial<Record<keyof T & string, string[]>>, forUpdate: boolean): Promise<T[]> {
    const wanted = (Object.entries(values) as [string, string[]][]).filter(([, list]) => list.length > 0);
    if (wanted.length === 0) return [];
    const params = wanted.map(([, list]) => (this.postgres ? list : JSON.stringify(list)));
    // One array (PostgreSQL) or JSON list (SQLite) per column: the statement's text does not depend on the count.
    const where = wanted
      .map(([property], i) => {
        const column = this.escape(this.column(property).databaseName);
        return this.postgres ? `${column} = ANY($${i + 1})` : `${column} IN (SELECT value FROM json_each(?))`;
      })
      .join(' OR ');
    const keys = this.repository.metadata.primaryColumns.map((c) => this.escape(c.databaseName)).join(', ');
    const sql = `SELECT ${this.columns.map((c) => this.escape(c.databaseName)).join(', ')} FROM ${this.table} WHERE ${where} ORDER BY ${keys}`;
    const rows = (await em.query(this.postgres && forUpdate ? `${sql} FOR UPDATE` : sql, params)) as Record<string, unknown>[];
    return rows.map((row) => hydrateRow(this.repository, this.columns, row));
  }

  /** INSERT … ON CONFLICT (primary key) DO UPDATE SET the updatable columns, in as few statements as fit. */
  async upsert(em: EntityManager, rows: T[]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / this.columns.length));
    for (let from = 0; from < rows.length; from += perStatement) {
      const [sql, params] = this.upsertStatement(rows.slice(from, from + perStatement));
      await em.query(sql, params);
    }
  }

  private upsertStatement(rows: T[]): [string, unknown[]] {
    const driver = this.repository.manager.connection.driver;
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const placeholders = this.columns.map((c) => {
        params.push(driver.preparePersistentValue(c.getEntityValue(row), c));
        return this.postgres ? `$${params.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    const names = this.columns.map((c) => this.escape(c.databaseName));
    const keys = this.repository.metadata.primaryColumns.map((c) => this.escape(c.databaseName));
    const set = this.updatable.map((p) => this.escape(this.column(p).databaseName)).map((c) => `${c} = EXCLUDED.${c}`);
    const sql = `INSERT INTO ${this.table} (${names.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
    return [sql, params];
  }

  private column(property: string): ColumnMetadata {
    const column = this.repository.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.repository.metadata.name} has no column ${property}`);
    return column;
  }

  private escape(name: string): string {
    return this.repository.manager.connection.driver.escape(name);
  }
}
