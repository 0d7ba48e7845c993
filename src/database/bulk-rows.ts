import { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { hydrateRow } from './column-lookup';
import { copyRows } from './copy-rows';

/** Rows per statement on SQLite: under its limit of 32,766 bound parameters with a few dozen columns. */
const SQLITE_PARAMETERS = 30_000;

/**
 * Many rows of one entity read and written in few statements, built from its metadata as ColumnLookup does (no
 * query builder per call, whose per-row cost was most of a batch's): the rows matching any of several values of
 * some columns, a multi-row insert and a multi-row upsert. For batch writes (the user import, its audit events).
 */
export class BulkRows<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  private readonly postgres: boolean;
  private readonly table: string;

  /** `updatable`: the columns an upsert may change on an existing row; the others keep their stored value. */
  constructor(
    private readonly repository: Repository<T>,
    private readonly updatable: (keyof T & string)[] = [],
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
    const sql = `SELECT ${this.names().join(', ')} FROM ${this.table} WHERE ${where} ORDER BY ${this.keys().join(', ')}`;
    const rows = (await em.query(this.postgres && forUpdate ? `${sql} FOR UPDATE` : sql, params)) as Record<string, unknown>[];
    return rows.map((row) => hydrateRow(this.repository, this.columns, row));
  }

  /**
   * INSERT of every row, in as few statements as fit; on PostgreSQL inside a transaction, one COPY (new rows only:
   * COPY has no ON CONFLICT, so a clash fails the statement as an INSERT's would).
   */
  insert(em: EntityManager, rows: T[]): Promise<void> {
    return this.write(em, rows, '');
  }

  /** INSERT … ON CONFLICT (primary key) DO UPDATE SET the updatable columns, in as few statements as fit. */
  upsert(em: EntityManager, rows: T[]): Promise<void> {
    const set = this.updatable.map((p) => this.escape(this.column(p).databaseName)).map((c) => `${c} = EXCLUDED.${c}`);
    return this.write(em, rows, ` ON CONFLICT (${this.keys().join(', ')}) DO UPDATE SET ${set.join(', ')}`);
  }

  private async write(em: EntityManager, rows: T[], onConflict: string): Promise<void> {
    if (rows.length === 0) return;
    if (this.postgres && !onConflict && em.queryRunner) {
      await copyRows(em.queryRunner, this.table, this.names(), rows.map((row) => this.values(row)));
      return;
    }
    const into = `INSERT INTO ${this.table} (${this.names().join(', ')}) `;
    if (this.postgres) {
      const [source, params] = this.json(rows);
      await em.query(into + source + onConflict, params);
      return;
    }
    const perStatement = Math.max(1, Math.floor(SQLITE_PARAMETERS / this.columns.length));
    for (let from = 0; from < rows.length; from += perStatement) {
      const [source, params] = this.tuples(rows.slice(from, from + perStatement));
      await em.query(into + source + onConflict, params);
    }
  }

  /**
   * PostgreSQL: the rows as one JSON parameter, turned back into rows of the table's own type by
   * json_populate_recordset (each value converted by PostgreSQL to its column's type; a missing key is NULL, never
   * the column's default: every row carries all its values). One parameter whatever the
   * number of rows, serialised by JSON.stringify: binding one parameter per cell, or one array per column, cost more
   * than the rest of a batch of 500 users together (pg escapes each array element in JavaScript).
   */
  private json(rows: T[]): [string, unknown[]] {
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {};
      this.values(row).forEach((value, i) => {
        // A key left out is NULL (the base record is NULL), as an explicit null would be: most rows have a dozen
        // empty columns, and leaving them out makes the parameter a third shorter (less to copy and to parse).
        if (value !== null && value !== undefined) record[this.columns[i].databaseName] = value;
      });
      return record;
    });
    return [`SELECT ${this.names().join(', ')} FROM json_populate_recordset(NULL::${this.table}, $1)`, [JSON.stringify(records)]];
  }

  /** SQLite: VALUES (?, …), (?, …) — in-process, binding is cheap. */
  private tuples(rows: T[]): [string, unknown[]] {
    const params = rows.flatMap((row) => this.values(row));
    const tuple = `(${this.columns.map(() => '?').join(', ')})`;
    return [`VALUES ${rows.map(() => tuple).join(', ')}`, params];
  }

  /** A row's values as the driver stores them, in the order of `columns`. */
  private values(row: T): unknown[] {
    const driver = this.repository.manager.connection.driver;
    return this.columns.map((c) => driver.preparePersistentValue(c.getEntityValue(row), c));
  }

  private names(): string[] {
    return this.columns.map((c) => this.escape(c.databaseName));
  }

  private keys(): string[] {
    return this.repository.metadata.primaryColumns.map((c) => this.escape(c.databaseName));
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
