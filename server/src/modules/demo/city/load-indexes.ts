import type { SqlRunner } from '../../../platform/db/connection.js';

export interface IndexSet {
  drop: string[];
  create: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The primary keys, unique constraints and indexes of the tables, read from the catalogue as
 * the migrations made them, with the statements to drop them and to make them again exactly
 * so. Building an index once over sorted rows is much faster than growing it row by row.
 */
export async function captureIndexes(runner: SqlRunner, tables: readonly string[]): Promise<IndexSet> {
  const constraints = (await runner.query(
    `select c.conname, t.relname, pg_get_constraintdef(c.oid)
       from pg_constraint c join pg_class t on t.oid = c.conrelid
      where t.relname = any($1::text[]) and t.relnamespace = current_schema()::regnamespace and c.contype in ('p', 'u')
      order by t.relname, c.conname`,
    [tables], 'array')).rows as Array<[string, string, string]>;
  const indexes = (await runner.query(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u'))
      order by i.tablename, i.indexname`,
    [tables], 'array')).rows as Array<[string, string]>;
  return {
    drop: [
      ...indexes.map(([name]) => `DROP INDEX ${quote(name)}`),
      ...constraints.map(([name, table]) => `ALTER TABLE ${quote(table)} DROP CONSTRAINT ${quote(name)}`),
    ],
    create: [
      ...constraints.map(([name, table, definition]) => `ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(name)} ${definition}`),
      ...indexes.map(([, definition]) => definition),
    ],
  };
}

/** A fingerprint of the tables' indexes and constraints, to check a load left them as it found them. */
export async function describeIndexes(runner: SqlRunner, tables: readonly string[]): Promise<string[]> {
  const set = await captureIndexes(runner, tables);
  return [...set.create].sort();
}
