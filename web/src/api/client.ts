import { uiStrings } from '../ui/strings';

export interface FieldProblem {
  field: string;
  message: string;
}

/** An error the server answered with `{ error: { code, message, details } }`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Field problems from `details`: a list `[{ field, message }]` (schema validation), or one
   * `{ field }` object (a business rule about one field, whose message is the error's own).
   */
  get fieldProblems(): FieldProblem[] {
    const list = Array.isArray(this.details) ? (this.details as unknown[]) : [this.details];
    const problems: FieldProblem[] = [];
    for (const d of list) {
      if (typeof d !== 'object' || d === null) continue;
      const { field, message } = d as { field?: unknown; message?: unknown };
      if (typeof field !== 'string') continue;
      problems.push({ field, message: typeof message === 'string' ? message : this.message });
    }
    return problems;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

/** Remembers the token returned by login/me; it is sent on every non-GET call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a staff call answers 401 (session expired), to send the person to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Called when a call answers PASSWORD_CHANGE_REQUIRED (a reset while signed in), to send the person to set one. */
export function setPasswordChangeHandler(handler: (() => void) | null): void {
  onPasswordChangeRequired = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Don't call the 401 handler (the me/login calls decide for themselves). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('NETWORK_ERROR', uiStrings.networkError, 0);
  }

  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiError('BAD_RESPONSE', uiStrings.badResponse, response.status);
    }
  }

  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(
      typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      typeof error?.message === 'string' ? error.message : uiStrings.unknownError,
      response.status,
      error?.details,
    );
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    if (apiError.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired?.();
    throw apiError;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};

/** The Chinese sentence to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return uiStrings.unknownError;
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
