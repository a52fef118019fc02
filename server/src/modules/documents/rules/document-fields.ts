import type { FieldProblem } from '../../../platform/validation.js';
import { documentError } from '../documents.errors.js';
import { documentsText as t } from '../documents.strings.js';
import type { DocumentTemplate, TemplateField } from '../template.js';

/** Field values as stored with a document: trimmed strings; money as a number of yuan. */
export type FieldValues = Record<string, string | number>;

const MAX_LENGTH = { text: 500, person: 100, longtext: 20_000, choice: 200, date: 10 } as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** One field's value in stored form, or why it cannot be. */
function normalise(field: TemplateField, value: unknown): { value: string | number } | { problem: string } {
  if (field.kind === 'money') {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d{1,2})?$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isFinite(n) || n < 0 || n > 1e13 || Math.round(n * 100) !== n * 100) return { problem: t.fieldNotMoney };
    return { value: n };
  }
  if (typeof value !== 'string') return { problem: t.fieldNotText };
  const text = value.trim();
  if (text.length > MAX_LENGTH[field.kind]) return { problem: t.fieldTooLong(MAX_LENGTH[field.kind]) };
  if (field.kind === 'date' && !isRealDate(text)) return { problem: t.fieldNotDate };
  if (field.kind === 'choice' && !field.options!.includes(text)) return { problem: t.fieldNotOption(field.options!) };
  return { value: text };
}

/**
 * Checks what a person filled in against the template: every required field present (else
 * DOCUMENT_FIELDS_MISSING naming them all), every value of its kind and no field the template
 * lacks (else DOCUMENT_FIELD_INVALID with one problem per field). Returns the stored form.
 */
export function checkDocumentFields(template: DocumentTemplate, input: Readonly<Record<string, unknown>>): FieldValues {
  const byName = new Map(template.fields.map((f) => [f.name, f]));
  const problems: FieldProblem[] = Object.keys(input).filter((k) => !byName.has(k)).map((field) => ({ field, message: t.fieldUnknown }));
  const missing = template.fields.filter((f) => f.required && isBlank(input[f.name]));
  if (missing.length) {
    throw documentError('DOCUMENT_FIELDS_MISSING', { fields: missing.map((f) => f.name) }, t.fieldsMissing(missing.map((f) => f.label)));
  }
  const values: FieldValues = {};
  for (const field of template.fields) {
    if (!Object.hasOwn(input, field.name) || isBlank(input[field.name])) continue;
    const result = normalise(field, input[field.name]);
    if ('problem' in result) problems.push({ field: field.name, message: `${field.label}${result.problem}` });
    else values[field.name] = result.value;
  }
  if (problems.length) throw documentError('DOCUMENT_FIELD_INVALID', problems);
  return values;
}
