import { ObjectLiteral, Repository } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * `findOneBy({ [column]: value })` for the lookups every request makes (a user by id for each Bearer token, by e-mail
 * or username for each sign-in), without TypeORM's query builder. The builder assembles, aliases and escapes the SQL
 * anew on every call, which cost about a quarter of a token-checked read's CPU (docs/benchmarks.md). Here the
 * statement is built once from the entity's metadata, and rows are hydrated column by column with the driver's own
 * conversions (dates, booleans, simple-json, transformers), so the entity is the one findOneBy returns. Soft-deleted
 * rows are left out, as findOneBy does.
 */
export class ColumnLookup<T extends ObjectLiteral> {
  private readonly sql: string;
  private readonly columns: ColumnMetadata[];

  constructor(
    private readonly repository: Repository<T>,
    propertyName: keyof T & string,
  ) {
    const { metadata } = repository;
    const driver = repository.manager.connection.driver;
    const key = metadata.findColumnWithPropertyName(propertyName);
    if (!key) throw new Error(`${metadata.name} has no column ${propertyName}`);
    this.columns = metadata.columns.filter((c) => !c.isVirtual && c.isSelect);
    const name = (c: ColumnMetadata) => driver.escape(c.databaseName);
    const softDelete = metadata.deleteDateColumn ? ` AND ${name(metadata.deleteDateColumn)} IS NULL` : '';
    const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
    this.sql =
      `SELECT ${this.columns.map(name).join(', ')} FROM ${table} ` +
      `WHERE ${name(key)} = ${driver.createParameter(propertyName, 0)}${softDelete} LIMIT 1`;
  }

  async find(value: string): Promise<T | null> {
    const rows = (await this.repository.query(this.sql, [value])) as Record<string, unknown>[];
    return rows.length === 0 ? null : this.hydrate(rows[0]);
  }

  private hydrate(row: Record<string, unknown>): T {
    return hydrateRow(this.repository, this.columns, row);
  }
}

/** A raw row as the entity TypeORM would return: each column through the driver's own conversion. */
export function hydrateRow<T extends ObjectLiteral>(repository: Repository<T>, columns: ColumnMetadata[], row: Record<string, unknown>): T {
  const driver = repository.manager.connection.driver;
  const entity = repository.metadata.create() as T;
  for (const column of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  return entity;
}
