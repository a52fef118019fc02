import type { Database } from '../../src/platform/db/database.js';

/** Per table: rows and the sum of their xmin, which moves on every committed insert, update and delete. */
export type Fingerprint = ReadonlyMap<string, string>;

/**
 * A cheap fingerprint of everything stored in the public schema. A write anywhere changes a
 * table's row count or the sum of its rows' xmin (the transaction that wrote each row version).
 * When no transaction id has been handed out since the last look (the snapshot's xmax has not
 * moved), nothing can have been written and the last fingerprint is returned as it was.
 */
export async function fingerprinter(database: Database): Promise<() => Promise<Fingerprint>> {
  const rows = (await database.backend.query(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`, [], 'array')).rows as Array<[string]>;
  const sql = rows.map(([t]) => `select '${t}', count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text from "${t}"`).join(' union all ');
  let seenXmax: string | null = null;
  let last: Fingerprint = new Map();
  return async () => {
    const [[xmax]] = (await database.backend.query('select pg_snapshot_xmax(pg_current_snapshot())::text', [], 'array')).rows as [[string]];
    if (xmax === seenXmax) return last;
    last = new Map((await database.backend.query(sql, [], 'array')).rows as Array<[string, string]>);
    seenXmax = xmax;
    return last;
  };
}

/** The tables whose fingerprint differs, for a report. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
}
