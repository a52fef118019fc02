import type { FastifyError } from 'fastify';
import { databaseErrorIn } from '../db/connection.js';
import type { AppError } from '../errors/app-error.js';
import { platformError } from '../errors/platform-errors.js';
import { ADDRESS, FIELD_PROBLEMS, WHOLE_REQUEST } from './http.strings.js';


/**
 * SQLSTATE class 22 (data exception): the input was beyond what a column or cast accepts.
 * The statement failed, and its transaction with it; the client is at fault, not the server.
 */
export function dataException(error: unknown): AppError | null {
  if (!databaseErrorIn(error)?.sqlState?.startsWith('22')) return null;
  return platformError('VALIDATION_FAILED', [{ field: WHOLE_REQUEST, message: FIELD_PROBLEMS.databaseRefused }]);
}

/**
 * A framework or plugin error that blames the request (it carries a 4xx status), in our
 * terms; null for anything else. Fastify's own handler would have used that status too.
 */
export function frameworkClientError(error: unknown): AppError | null {
  const e = error as Partial<FastifyError>;
  if (typeof e.statusCode !== 'number' || e.statusCode < 400 || e.statusCode >= 500) return null;
  switch (e.code) {
    // @fastify/static refuses paths that climb out of its root: there is nothing there to see.
    case 'FST_STATIC_FORBIDDEN_PATH':
      return platformError('ROUTE_NOT_FOUND');
    case 'FST_ERR_BAD_URL':
      return platformError('VALIDATION_FAILED', [{ field: ADDRESS, message: FIELD_PROBLEMS.badAddress }]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return platformError('VALIDATION_FAILED', [{ field: ADDRESS, message: FIELD_PROBLEMS.paramTooLong }]);
  }
  const byStatus: Record<number, () => AppError> = {
    401: () => platformError('UNAUTHENTICATED'),
    403: () => platformError('FORBIDDEN'),
    404: () => platformError('ROUTE_NOT_FOUND'),
    413: () => platformError('PAYLOAD_TOO_LARGE'),
    429: () => platformError('RATE_LIMITED'),
  };
  return (byStatus[e.statusCode] ?? (() => platformError('VALIDATION_FAILED')))();
}
