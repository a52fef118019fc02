import type { FastifyInstance } from 'fastify';
import { platformError } from '../errors/platform-errors.js';
import { FIELD_PROBLEMS, WHOLE_REQUEST } from './http.strings.js';

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A key as a field name the answer can show. */
const printable = (key: string) => key.replaceAll(NUL, '\\u0000').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');

/** Why a string cannot be stored as it came, or null. */
function stringProblem(text: string): string | null {
  if (text.includes(NUL)) return FIELD_PROBLEMS.nulCharacter;
  if (LONE_SURROGATE.test(text)) return FIELD_PROBLEMS.loneSurrogate;
  return null;
}

/**
 * The first value no route can use, with where it sits (`a.b.0.c`) and why; null when there is
 * none. Iterative, so a deeply nested body cannot overflow the stack.
 * - U+0000 in a string or a key: PostgreSQL refuses it in text and jsonb.
 * - Half of a surrogate pair (JSON can escape one, "\udfff"): not Unicode text at all; jsonb
 *   refuses it and a text column would silently keep U+FFFD instead.
 * - A number that is not finite: JSON.parse reads 1e999 as Infinity, and Ajv coerces the
 *   string "1e999" to Infinity, calls it an integer and skips minimum and maximum for it.
 */
export function unusableInput(value: unknown): { field: string; message: string } | null {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    const field = () => path.join('.') || WHOLE_REQUEST;
    if (typeof current === 'string') {
      const message = stringProblem(current);
      if (message) return { field: field(), message };
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { field: field(), message: FIELD_PROBLEMS.notFinite };
    } else if (current && typeof current === 'object' && !ArrayBuffer.isView(current)) {
      for (const [key, child] of Object.entries(current)) {
        const message = stringProblem(key);
        if (message) return { field: [...path, printable(key)].join('.'), message };
        stack.push([child, [...path, key]]);
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
