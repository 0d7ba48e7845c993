import { DataSource } from 'typeorm';
import { DatabaseKind } from './databases';
import { TestApp } from './test-app';

/**
 * Plain SQL on the app's own connection, for checks and for moving stored times. Identifiers are quoted for
 * PostgreSQL (SQLite accepts that too); `params` are bound ($1 on PostgreSQL, ? on SQLite).
 */
export function sql<T = Record<string, unknown>>(t: TestApp, query: string, params?: unknown[]): Promise<T[]> {
  return t.app.get(DataSource).query(query, params) as Promise<T[]>;
}

/** The `n` of a `SELECT COUNT(*) AS n …`, as a number (PostgreSQL returns counts as strings). */
export async function count(t: TestApp, query: string, params?: unknown[]): Promise<number> {
  return Number((await sql<{ n: number | string }>(t, query, params))[0].n);
}

/** The `i`th bound parameter (1-based) in the database's syntax: `$1` on PostgreSQL, `?` on SQLite. */
export function param(kind: DatabaseKind, i: number): string {
  return kind.name === 'postgres' ? `$${i}` : '?';
}
