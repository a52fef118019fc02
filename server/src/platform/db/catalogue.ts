// What the database says it holds, read from PostgreSQL's catalogue rather than from a list
// of names, so tables added by later modules are backed up and restored without a change here.
import type { SqlRunner } from './connection.js';

export interface CatalogueTable {
  name: string;
  /** Stored columns in table order (generated ones are computed, never copied). */
  columns: string[];
  /** Primary key columns, empty when the table has none. */
  primaryKey: string[];
  /** Columns with a collation: ordered by "C" so rows come out in the same order on any server. */
  collatable: string[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Tables of the public schema, leaving out those an extension owns (PostGIS's spatial_ref_sys …).
const OWN_RELATIONS = `
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public'
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/** Every ordinary table of the public schema, by name. */
export async function listTables(runner: SqlRunner): Promise<CatalogueTable[]> {
  const result = await runner.query(
    `select c.relname as name,
        (select json_agg(json_build_object('name', a.attname, 'collatable', a.attcollation <> 0) order by a.attnum)
           from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
        (select json_agg(a.attname order by k.ord)
           from pg_index i cross join unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
          where i.indrelid = c.oid and i.indisprimary) as "primaryKey"
     ${OWN_RELATIONS} and c.relkind = 'r'
     order by c.relname collate "C"`,
    [],
    'object',
  );
  return (result.rows as Array<{ name: string; columns: Array<{ name: string; collatable: boolean }> | null; primaryKey: string[] | null }>).map((row) => ({
    name: row.name,
    columns: (row.columns ?? []).map((c) => c.name),
    primaryKey: row.primaryKey ?? [],
    collatable: (row.columns ?? []).filter((c) => c.collatable).map((c) => c.name),
  }));
}

// A table alias no column is likely to share: a bare name means a column before the whole row.
const ROW = 'fazhi_backup_row';

/**
 * `COPY (SELECT …) TO STDOUT` of a table in a fixed row order (primary key, else the whole row
 * as text), so the same rows give the same bytes on any server and after any restore.
 */
export function copyOutStatement(table: CatalogueTable): string {
  const order = table.primaryKey.length
    ? table.primaryKey.map((c) => `${ROW}.${quoteIdent(c)}${table.collatable.includes(c) ? ' collate "C"' : ''}`).join(', ')
    : `${ROW}::text collate "C"`;
  return `COPY (SELECT ${table.columns.map((c) => `${ROW}.${quoteIdent(c)}`).join(', ')} FROM ${quoteIdent(table.name)} AS ${ROW} ORDER BY ${order}) TO STDOUT`;
}

export function copyInStatement(table: { name: string; columns: string[] }): string {
  return `COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`;
}

export interface CatalogueSequence {
  name: string;
  /** int8 as text: sequences may pass 2^53. */
  lastValue: string;
  isCalled: boolean;
}

export async function listSequences(runner: SqlRunner): Promise<CatalogueSequence[]> {
  const names = await runner.query(`select c.relname as name ${OWN_RELATIONS} and c.relkind = 'S' order by c.relname collate "C"`, [], 'object');
  const sequences: CatalogueSequence[] = [];
  for (const { name } of names.rows as Array<{ name: string }>) {
    const state = await runner.query(`select last_value::text as "lastValue", is_called as "isCalled" from ${quoteIdent(name)}`, [], 'object');
    sequences.push({ name, ...(state.rows[0] as { lastValue: string; isCalled: boolean }) });
  }
  return sequences;
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export async function listForeignKeys(runner: SqlRunner): Promise<ForeignKey[]> {
  const result = await runner.query(
    `select c.relname as "table", con.conname as name, pg_get_constraintdef(con.oid) as definition
       from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and con.contype = 'f'
      order by c.relname collate "C", con.conname collate "C"`,
    [],
    'object',
  );
  return result.rows as ForeignKey[];
}

/** User triggers that fire normally (not internal constraint triggers, not ones already switched off). */
export async function listEnabledTriggers(runner: SqlRunner): Promise<Array<{ table: string; name: string }>> {
  const result = await runner.query(
    `select c.relname as "table", t.tgname as name
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal and t.tgenabled = 'O'
      order by c.relname collate "C", t.tgname collate "C"`,
    [],
    'object',
  );
  return result.rows as Array<{ table: string; name: string }>;
}
