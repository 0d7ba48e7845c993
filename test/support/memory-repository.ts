import { FindOperator } from 'typeorm';

/** Whether `value` meets `expected`: equal, or IsNull() / Not(IsNull()) (the operators the unit specs need). */
function meets(value: unknown, expected: unknown): boolean {
  if (!(expected instanceof FindOperator)) return value instanceof Date && expected instanceof Date ? value.getTime() === expected.getTime() : value === expected;
  if (expected.type === 'isNull') return value === null || value === undefined;
  if (expected.type === 'not') return !meets(value, expected.child ?? expected.value);
  throw new Error(`memory repository: operator ${expected.type} not supported`);
}

/**
 * The few Repository methods the refresh-token services call, over an array: enough for unit specs to drive a
 * conditional UPDATE without a database. Rows are stored as copies.
 */
export class MemoryRepository<T extends object> {
  readonly rows: T[] = [];

  private matching(criteria: Partial<Record<keyof T, unknown>>): T[] {
    return this.rows.filter((row) => Object.entries(criteria).every(([key, expected]) => meets(row[key as keyof T], expected)));
  }

  async findOneBy(criteria: Partial<Record<keyof T, unknown>>): Promise<T | null> {
    const row = this.matching(criteria)[0];
    return row ? { ...row } : null;
  }

  async existsBy(criteria: Partial<Record<keyof T, unknown>>): Promise<boolean> {
    return this.matching(criteria).length > 0;
  }

  async insert(row: T): Promise<void> {
    this.rows.push({ ...row });
  }

  async update(criteria: Partial<Record<keyof T, unknown>>, changes: Partial<T>): Promise<{ affected: number }> {
    const rows = this.matching(criteria);
    for (const row of rows) Object.assign(row, changes);
    return { affected: rows.length };
  }
}

/**
 * ColumnLookup over a MemoryRepository (which has no SQL and no metadata): `find` is `findOneBy({ [column]: value })`,
 * what the real one's prepared statement returns. For unit specs: `jest.mock('<path>/database/column-lookup', () =>
 * ({ ColumnLookup: jest.requireActual('<path>/test/support/memory-repository').MemoryColumnLookup }))`.
 */
export class MemoryColumnLookup<T extends object> {
  constructor(
    private readonly repository: MemoryRepository<T>,
    private readonly column: keyof T & string,
  ) {}

  find(value: string): Promise<T | null> {
    return this.repository.findOneBy({ [this.column]: value } as Partial<Record<keyof T, unknown>>);
  }
}
