import type { FastifyInstance } from 'fastify';
import { platformError } from '../errors/platform-errors.js';
import { FIELD_PROBLEMS, WHOLE_REQUEST } from './http.strings.js';

const NUL = '\u0000';

/**
 * The first value no route can use, with where it sits (`a.b.0.c`) and why; null when there is
 * none. Iterative, so a deeply nested body cannot overflow the stack.
 * - U+0000 in a string or a key: PostgreSQL refuses it in text and jsonb.
 * - A number that is not finite: JSON.parse reads 1e999 as Infinity, and Ajv coerces the
 *   string "1e999" to Infinity, calls it an integer and skips minimum and maximum for it.
 */
export function unusableInput(value: unknown): { field: string; message: string } | null {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    const field = () => path.join('.') || WHOLE_REQUEST;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return { field: field(), message: FIELD_PROBLEMS.nulCharacter };
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { field: field(), message: FIELD_PROBLEMS.notFinite };
    } else if (current && typeof current === 'object' && !ArrayBuffer.isView(current)) {
      for (const [key, child] of Object.entries(current)) {
        const at = [...path, key.replaceAll(NUL, '\\u0000')];
        if (key.includes(NUL)) return { field: at.join('.'), message: FIELD_PROBLEMS.nulCharacter };
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * Refuses, for every route, a request carrying a value none can use (see unusableInput):
 * after the route's own checks and schema, before its handler.
 */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const problem = unusableInput(part);
      if (problem) throw platformError('VALIDATION_FAILED', [problem]);
    }
  });
}
