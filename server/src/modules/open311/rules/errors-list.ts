import type { AppError } from '../../../platform/errors/app-error.js';

/** Several problems with one request, answered together as the specification's list. */
export class Open311Errors extends Error {
  constructor(readonly errors: readonly AppError[]) {
    super(errors.map((e) => e.code).join(', '));
    this.name = 'Open311Errors';
  }

  /** The answer's status: the first error's (those saying something does not exist come first). */
  get status(): number {
    return this.errors[0]?.status ?? 400;
  }
}

/** The specification's error list: `code` our stable code, `description` what people read. */
export function errorList(errors: readonly AppError[]): Array<{ code: string; description: string }> {
  return errors.map((e) => ({ code: e.code, description: e.message }));
}
