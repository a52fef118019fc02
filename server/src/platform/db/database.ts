import { mkdirSync } from 'node:fs';
import { drizzle, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy';
import type { SqlBackend, SqlRunner } from './connection.js';
import { openPgliteBackend } from './pglite-backend.js';
import { openPostgresBackend } from './postgres-backend.js';
import { withRetry } from './retry.js';

/** Type-safe query builder over one connection or one transaction. */
export type Db = PgRemoteDatabase<Record<string, never>>;

export interface Database {
  readonly kind: SqlBackend['kind'];
  /** Queries outside a transaction (each one commits by itself). */
  readonly db: Db;
  /**
   * Runs fn in one transaction. A transaction that loses a deadlock or a serialization
   * conflict is run again from the start (bounded, with jitter), so fn must touch nothing
   * but the database, or only what is safe to do twice.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Raw access for migrations and bulk work. */
  readonly backend: SqlBackend;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string | null };

function drizzleOver(runner: SqlRunner): Db {
  return drizzle(async (sql, params, method) => {
    const result = await runner.query(sql, params, method === 'all' ? 'array' : 'object');
    return { rows: result.rows };
  });
}

export function wrapBackend(backend: SqlBackend): Database {
  return {
    kind: backend.kind,
    db: drizzleOver(backend),
    backend,
    transaction: (fn) => withRetry(() => backend.inTransaction((runner) => fn(drizzleOver(runner)))),
    close: () => backend.close(),
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return wrapBackend(await openPostgresBackend(target.url));
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  return wrapBackend(await openPgliteBackend(target.dataDir));
}
