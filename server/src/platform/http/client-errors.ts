import { DatabaseError } from '../db/connection.js';
import type { AppError } from '../errors/app-error.js';
import { platformError } from '../errors/platform-errors.js';
import { FIELD_PROBLEMS, WHOLE_REQUEST } from './http.strings.js';

/** The database's own error, also when Drizzle has wrapped it (as `cause`) with the query. */
export function databaseErrorIn(error: unknown): DatabaseError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseError) return e;
  }
  return null;
}

/**
 * SQLSTATE class 22 (data exception): the input was beyond what a column or cast accepts.
 * The statement failed, and its transaction with it; the client is at fault, not the server.
 */
export function dataException(error: unknown): AppError | null {
  if (!databaseErrorIn(error)?.sqlState?.startsWith('22')) return null;
  return platformError('VALIDATION_FAILED', [{ field: WHOLE_REQUEST, message: FIELD_PROBLEMS.databaseRefused }]);
}
