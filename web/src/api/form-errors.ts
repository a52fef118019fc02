import type { FormInstance } from 'antd';
import { ApiError } from './client';

/**
 * Puts the server's field problems under the matching form fields. Returns true when
 * every problem found a field (so a general message would only repeat them).
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fieldAliases: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError)) return false;
  const problems = err.fieldProblems;
  if (problems.length === 0) return false;
  const known = new Set([
    ...Object.keys((form.getFieldsValue() ?? {}) as Record<string, unknown>),
    ...Object.keys((form.getFieldsValue(true) ?? {}) as Record<string, unknown>),
  ]);
  const byField = new Map<string, string[]>();
  let unmatched = 0;
  for (const problem of problems) {
    const name = fieldAliases[problem.field] ?? problem.field.split('.')[0] ?? problem.field;
    if (!known.has(name)) {
      unmatched += 1;
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), problem.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched === 0 && byField.size > 0;
}
