import type { QueryResult } from './pglite-protocol.js';

/** The few operations the platform needs from PostgreSQL, whichever server runs it. */
export interface SqlRunner {
  query(sql: string, params: unknown[], rowMode: 'array' | 'object'): Promise<QueryResult>;
  exec(sql: string): Promise<void>;
  /** Bulk load: `COPY … FROM STDIN` fed with the chunks in order (text format). */
  copyFrom(sql: string, chunks: CopyChunks): Promise<void>;
  /**
   * Bulk read: `COPY … TO STDOUT` as byte chunks. PostgreSQL streams them; the embedded
   * database hands over the whole result at once (it lives in the process's memory anyway).
   */
  copyTo(sql: string): AsyncIterable<Uint8Array>;
}

/** What COPY FROM reads: a list, or chunks that arrive while it runs (streamed on PostgreSQL). */
export type CopyChunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface SqlBackend extends SqlRunner {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn on one connection inside BEGIN … COMMIT; rolls back when fn throws. */
  inTransaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database error carrying PostgreSQL's SQLSTATE where there is one. */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly sqlState?: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** The database's own error, also when Drizzle has wrapped it (as `cause`) with the query. */
export function databaseErrorIn(error: unknown): DatabaseError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseError) return e;
  }
  return null;
}

export const UNIQUE_VIOLATION = '23505';
export const SERIALIZATION_FAILURE = '40001';
