import type { FastifyInstance } from 'fastify';
import { platformError } from '../errors/platform-errors.js';
import { FIELD_PROBLEMS, WHOLE_REQUEST } from './http.strings.js';

const NUL = '\u0000';

/**
 * Where the first U+0000 sits in a parsed value (a key or a string), as `a.b.0.c`;
 * null when there is none. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function nulPath(value: unknown): string | null {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path.join('.') || WHOLE_REQUEST;
    } else if (current && typeof current === 'object' && !ArrayBuffer.isView(current)) {
      for (const [key, child] of Object.entries(current)) {
        const at = [...path, key.replaceAll(NUL, '\\u0000')];
        if (key.includes(NUL)) return at.join('.');
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL refuses U+0000 in text and jsonb, so any request carrying one is bad input:
 * refused here for every route, after its own checks and schema and before its handler.
 */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = nulPath(part);
      if (field !== null) throw platformError('VALIDATION_FAILED', [{ field, message: FIELD_PROBLEMS.nulCharacter }]);
    }
  });
}
