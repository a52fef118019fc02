import { createRequire } from 'node:module';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-i18n are CommonJS; this keeps their default exports usable under NodeNext.
const require = createRequire(import.meta.url);
const localizeZh = require('ajv-i18n/localize/zh') as (errors?: ErrorObject[] | null) => void;
const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const ajv = new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, removeAdditional: false, strict: false });
addFormats(ajv);

/** A row id (serial, int4): beyond it PostgreSQL refuses the number, so say so in the schema. */
export const ROW_ID = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Turns Ajv's errors into Chinese, one line per field. */
export function describeValidationErrors(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  if (!errors?.length) return [];
  const copy = errors.map((e) => ({ ...e }));
  localizeZh(copy);
  return copy.map((e) => {
    const missing = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
    const field = `${e.instancePath}${missing}`.replace(/^\//, '').replace(/\//g, '.') || '(整体)';
    return { field, message: e.message ?? '格式不正确' };
  });
}

const compiled = new WeakMap<object, ValidateFunction>();

export function validatorFor(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const built = new Map<string, ValidateFunction>();
const BUILT_LIMIT = 500;

/**
 * For a schema put together at run time (an action's form with the fields a case adds): compiled
 * once per distinct schema, the oldest dropped past a bound so varied cases cannot grow memory.
 */
export function validatorForBuilt(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = built.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    if (built.size >= BUILT_LIMIT) built.delete(built.keys().next().value!);
    built.set(key, fn);
  }
  return fn;
}
