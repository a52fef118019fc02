import fc from 'fast-check';
import { HOSTILE_KEYS, HOSTILE_NUMBERS, HOSTILE_STRINGS, WRONG_TYPES } from './hostile-values.js';

/**
 * JSON Schema → fast-check, for what our routes declare: object (properties, required,
 * additionalProperties), string (minLength, maxLength, pattern, format date, date-time, uuid,
 * email), integer and number (minimum, maximum), boolean, null, array (items, minItems,
 * maxItems, uniqueItems), enum, const, oneOf / anyOf, type lists and `nullable`.
 */
export type JsonSchema = { readonly [key: string]: unknown };

export interface SchemaArbitraryOptions {
  /** Values the app knows by field or parameter name (ids of real rows, codes that exist), mixed into what is generated. */
  known?: Readonly<Record<string, readonly unknown[]>>;
  /** Longest string or array generated for a valid value; schemas allow megabytes, a fuzz wants variety. */
  maxLength?: number;
}

const num = (s: JsonSchema, key: string): number | undefined => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
const sub = (s: JsonSchema, key: string): JsonSchema | undefined => (s[key] && typeof s[key] === 'object' && !Array.isArray(s[key]) ? (s[key] as JsonSchema) : undefined);
const list = (s: JsonSchema, key: string): JsonSchema[] => (Array.isArray(s[key]) ? (s[key] as JsonSchema[]) : []);

/** The JSON types a schema allows ('null' included for `nullable`); empty when it does not say. */
export function typesOf(schema: JsonSchema): string[] {
  const t = schema.type;
  const types = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
  if (!types.length && sub(schema, 'properties')) types.push('object');
  if (!types.length && sub(schema, 'items')) types.push('array');
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

const CHINESE = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const TEXT_UNITS = fc.oneof(CHINESE, fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
/** Ajv counts code points, not UTF-16 units. */
const codePoints = (s: string) => [...s].length;

function withKnown(name: string | undefined, base: fc.Arbitrary<unknown>, o: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const known = name ? o.known?.[name] : undefined;
  if (!known?.length) return base;
  return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 5 }, { arbitrary: base, weight: 1 });
}

function dateArbitrary(): fc.Arbitrary<Date> {
  // Mostly near the test clock, where the data is; sometimes anywhere the schema allows.
  return fc.oneof(
    { arbitrary: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }), weight: 3 },
    { arbitrary: fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), weight: 1 },
  );
}

function stringArbitrary(schema: JsonSchema, o: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const min = num(schema, 'minLength') ?? 0;
  const max = num(schema, 'maxLength');
  const cap = Math.max(min, Math.min(max ?? Infinity, o.maxLength ?? 40));
  const fits = (s: string) => codePoints(s) >= min && (max === undefined || codePoints(s) <= max);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return dateArbitrary().map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return dateArbitrary().map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter(fits);
  }
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.string({ unit: TEXT_UNITS, minLength: min, maxLength: cap });
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = num(schema, 'minimum') ?? (num(schema, 'exclusiveMinimum') ?? -Infinity) + 1;
  const max = num(schema, 'maximum') ?? (num(schema, 'exclusiveMaximum') ?? Infinity) - 1;
  const lo = Number.isFinite(min) ? min : -1_000_000;
  const hi = Number.isFinite(max) ? max : Number.MAX_SAFE_INTEGER;
  // Small values near the lower bound find real rows; the rest of the range stays reachable.
  const near = fc.integer({ min: lo, max: Math.min(hi, lo + 2000) });
  return lo + 2000 >= hi ? near : fc.oneof({ arbitrary: near, weight: 4 }, { arbitrary: fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) }), weight: 1 });
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = num(schema, 'minimum') ?? num(schema, 'exclusiveMinimum');
  const max = num(schema, 'maximum') ?? num(schema, 'exclusiveMaximum');
  return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum !== undefined, maxExcluded: schema.exclusiveMaximum !== undefined });
}

function arrayArbitrary(schema: JsonSchema, name: string | undefined, o: SchemaArbitraryOptions): fc.Arbitrary<unknown[]> {
  const items = sub(schema, 'items');
  const item = items ? validArbitrary(items, name, o) : fc.jsonValue();
  const minLength = num(schema, 'minItems') ?? 0;
  const maxLength = Math.max(minLength, Math.min(num(schema, 'maxItems') ?? Infinity, 5));
  if (schema.uniqueItems === true) return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
  return fc.array(item, { minLength, maxLength });
}

function objectArbitrary(schema: JsonSchema, o: SchemaArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const properties = sub(schema, 'properties');
  if (!properties) return schema.additionalProperties === false ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, validArbitrary(s as JsonSchema, key, o)]));
  const required = (Array.isArray(schema.required) ? (schema.required as string[]) : []).filter((key) => key in model);
  return fc.record(model, { requiredKeys: required });
}

/** Values the schema accepts (formats and patterns included), favouring the app's known values. */
export function validArbitrary(schema: JsonSchema, name: string | undefined, o: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const branches = [...list(schema, 'oneOf'), ...list(schema, 'anyOf')];
  if (branches.length) return fc.oneof(...branches.map((b) => validArbitrary({ ...schema, oneOf: undefined, anyOf: undefined, ...b }, name, o)));
  const types = typesOf(schema);
  if (!types.length) return withKnown(name, fc.jsonValue({ maxDepth: 2 }), o);
  const byType = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return withKnown(name, stringArbitrary(schema, o), o);
      case 'integer':
        return withKnown(name, integerArbitrary(schema), o);
      case 'number':
        return withKnown(name, numberArbitrary(schema), o);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return arrayArbitrary(schema, name, o);
      case 'object':
        return objectArbitrary(schema, o);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  });
  return byType.length === 1 ? byType[0]! : fc.oneof(...byType);
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** A hostile string built from a valid one: NUL or a lone surrogate inside it, or something else entirely. */
function hostileString(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.tuple(valid, fc.constantFrom('\u0000', '\uD800', '\uDC00', '../', "'", '%00', '\\u0000')).map(([v, bad]) => `${asText(v)}${bad}`),
  );
}

/** Mutations of the value itself: wrong type, beyond a bound, a format or enum it breaks. */
function ownMutations(schema: JsonSchema, name: string | undefined, o: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, name, o);
  const out: fc.Arbitrary<unknown>[] = [fc.constantFrom(...WRONG_TYPES), hostileString(valid)];
  const types = typesOf(schema);
  if (Array.isArray(schema.enum)) {
    const first = String((schema.enum as unknown[])[0]);
    out.push(fc.constantFrom('__unknown__', `${first}x`, first.toUpperCase(), ` ${first}`, ''));
  }
  if (types.includes('string')) {
    const min = num(schema, 'minLength');
    const max = num(schema, 'maxLength');
    if (max !== undefined && max < 100_000) out.push(fc.constantFrom('x'.repeat(max + 1), '长'.repeat(max + 1), '🀄'.repeat(max + 1)));
    if (min !== undefined && min > 0) out.push(fc.constant('x'.repeat(min - 1)));
    if (schema.format === 'uuid') out.push(fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{00000000-0000-0000-0000-000000000000}', '00000000000000000000000000000000', '1'));
    if (schema.format === 'date' || schema.format === 'date-time') out.push(fc.constantFrom('2026-13-45', '2026-02-30', '0000-00-00', '99999-01-01', '2026-3-2', '1970-01-01T00:00:00Z', 'today', '-000001-01-01'));
    if (schema.format === 'email') out.push(fc.constantFrom('a@', '@b', 'a@b@c', 'a b@c.d'));
    if (typeof schema.pattern === 'string') out.push(fc.tuple(valid, fc.constantFrom('x', ' ', '0', '-')).map(([v, extra]) => `${asText(v)}${extra}`));
  }
  if (types.includes('integer') || types.includes('number')) {
    const min = num(schema, 'minimum');
    const max = num(schema, 'maximum');
    out.push(fc.constantFrom(...HOSTILE_NUMBERS));
    if (min !== undefined) out.push(fc.constantFrom(min - 1, min - 0.5));
    if (max !== undefined) out.push(fc.constantFrom(max + 1, max + 0.5));
  }
  if (types.includes('array')) {
    const items = sub(schema, 'items');
    const item = items ? validArbitrary(items, name, o) : fc.jsonValue({ maxDepth: 1 });
    const maxItems = num(schema, 'maxItems');
    const minItems = num(schema, 'minItems');
    if (maxItems !== undefined) out.push(item.map((v) => Array.from({ length: maxItems + 1 }, () => v)));
    if (minItems !== undefined && minItems > 0) out.push(fc.array(item, { maxLength: minItems - 1 }));
    if (schema.uniqueItems === true) out.push(item.map((v) => [v, v]));
  }
  if (types.includes('object')) {
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const whole = validArbitrary(schema, name, o) as fc.Arbitrary<Record<string, unknown>>;
    if (required.length) out.push(fc.tuple(whole, fc.constantFrom(...required)).map(([v, key]) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== key))));
    out.push(fc.tuple(whole, fc.constantFrom(...HOSTILE_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([v, key, extra]) => ({ ...v, [key]: extra })));
  }
  return fc.oneof(...out);
}

/**
 * Values one mutation away from valid: the value itself is wrong, or (objects and arrays)
 * all is valid but one property or item. Shrinks towards the smallest such mutation.
 */
export function nearValidArbitrary(schema: JsonSchema, name: string | undefined, o: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const own = ownMutations(schema, name, o);
  const types = typesOf(schema);
  const children: fc.Arbitrary<unknown>[] = [];
  const properties = sub(schema, 'properties');
  if (types.includes('object') && properties) {
    const whole = objectArbitrary(schema, o);
    for (const [key, s] of Object.entries(properties)) {
      children.push(fc.tuple(whole, nearValidArbitrary(s as JsonSchema, key, o)).map(([v, bad]) => ({ ...v, [key]: bad })));
    }
  }
  const items = sub(schema, 'items');
  if (types.includes('array') && items) {
    const nonEmpty = arrayArbitrary({ ...schema, minItems: Math.max(1, num(schema, 'minItems') ?? 0) }, name, o);
    children.push(fc.tuple(nonEmpty, nearValidArbitrary(items, name, o), fc.nat()).map(([arr, bad, at]) => arr.map((v, i) => (i === at % arr.length ? bad : v))));
  }
  return children.length ? fc.oneof({ arbitrary: own, weight: 1 }, { arbitrary: fc.oneof(...children), weight: 2 }) : own;
}
