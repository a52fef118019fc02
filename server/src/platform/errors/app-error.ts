/** One entry of a module's error table: HTTP status and the Chinese message users read. */
export interface ErrorSpec {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;
  message: string;
}

/**
 * An expected failure with a stable code programs can rely on. Operations throw
 * these; the HTTP layer turns them into `{ error: { code, message, details } }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ErrorSpec['status'],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const catalogue = new Map<string, ErrorSpec & { module: string }>();

/**
 * Declares a module's error table and returns a typed factory for it. Every code
 * is catalogued, so docs/errors.md can be checked against the code in a test.
 */
export function defineErrors<C extends string>(module: string, table: Record<C, ErrorSpec>) {
  for (const [code, spec] of Object.entries(table) as Array<[C, ErrorSpec]>) {
    const existing = catalogue.get(code);
    if (existing && existing.module !== module) throw new Error(`error code ${code} defined twice`);
    catalogue.set(code, { ...spec, module });
  }
  return (code: C, details?: unknown, message?: string): AppError => {
    const spec = table[code];
    return new AppError(code, message ?? spec.message, spec.status, details);
  };
}

export function errorCatalogue(): ReadonlyMap<string, ErrorSpec & { module: string }> {
  return catalogue;
}
