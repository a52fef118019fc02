import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UNIQUE_VIOLATION } from '../db/connection.js';
import { AppError } from '../errors/app-error.js';
import { platformError } from '../errors/platform-errors.js';
import { describeValidationErrors } from '../validation.js';
import { databaseErrorIn } from '../db/connection.js';
import { dataException, frameworkClientError } from './client-errors.js';

/** Turns anything thrown into `{ error: { code, message, details } }` with the right status. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { code?: string };
  if (e.validation) return platformError('VALIDATION_FAILED', describeValidationErrors(e.validation as never));
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return platformError('PAYLOAD_TOO_LARGE');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) {
    return platformError('VALIDATION_FAILED', [{ field: '(整体)', message: '请求内容不是有效的 JSON' }]);
  }
  if (e.statusCode === 429) return platformError('RATE_LIMITED');
  if (databaseErrorIn(error)?.sqlState === UNIQUE_VIOLATION) return platformError('CONFLICT');
  // The clock engine refuses dates its holiday calendar does not know.
  if (e.code === 'CALENDAR_YEAR_UNKNOWN') return platformError('CALENDAR_UNKNOWN', { detail: e.message });
  const refused = dataException(error) ?? frameworkClientError(error);
  if (refused) return refused;
  return platformError('INTERNAL');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (databaseErrorIn(error)) request.log.warn({ err: error }, 'the database refused input the route let through');
    return reply.code(appError.status).send({ error: { code: appError.code, message: appError.message, details: appError.details ?? null } });
  });
}

/** How a part of the address space answers errors in a shape of its own (a standard's, like Open311's). */
export type ErrorRenderer = (error: unknown, request: FastifyRequest, reply: FastifyReply) => void;
const renderers = new Map<string, ErrorRenderer>();

/** Errors the router raises under `prefix` are answered by `render` instead of the platform's shape. */
export function renderRouterErrorsUnder(prefix: string, render: ErrorRenderer): void {
  renderers.set(prefix, render);
}

/**
 * Fastify's `frameworkErrors` option: its router refuses a malformed address or an overlong
 * parameter before any hook or error handler runs, and would answer in its own shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  for (const [prefix, render] of renderers) if (request.url.startsWith(prefix)) return render(error, request, reply);
  const appError = toAppError(error);
  void reply.code(appError.status).send({ error: { code: appError.code, message: appError.message, details: appError.details ?? null } });
}
