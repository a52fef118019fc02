import type { QueryResult } from './pglite-protocol.js';

/** The few operations the platform needs from PostgreSQL, whichever server runs it. */
export interface SqlRunner {
  query(sql: string, params: unknown[], rowMode: 'array' | 'object'): Promise<QueryResult>;
  exec(sql: string): Promise<void>;
  /** Bulk load: `COPY … FROM STDIN` fed with the chunks in order (text format). */
  copyFrom(sql: string, chunks: Array<string | Uint8Array>): Promise<void>;
}

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

export const UNIQUE_VIOLATION = '23505';
export const SERIALIZATION_FAILURE = '40001';
