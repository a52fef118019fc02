import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { validatorFor } from '../../src/platform/validation.js';
import { nearValidArbitrary, validArbitrary, type JsonSchema } from './schema-arbitrary.js';

/** Every keyword the converter claims to handle, in one schema. */
const EVERYTHING: JsonSchema = {
  type: 'object',
  required: ['id', 'code', 'count', 'tags'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    code: { type: 'string', pattern: '^[0-9]{9}$' },
    day: { type: 'string', format: 'date' },
    at: { type: 'string', format: 'date-time' },
    mail: { type: 'string', format: 'email' },
    title: { type: 'string', minLength: 2, maxLength: 10 },
    count: { type: 'integer', minimum: 1, maximum: 200 },
    share: { type: 'number', minimum: 0.5, maximum: 1 },
    open: { type: 'boolean' },
    state: { type: 'string', enum: ['open', 'closed'] },
    place: { type: ['string', 'null'], maxLength: 12 },
    note: { type: 'string', nullable: true },
    tags: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 5 } },
    either: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', maxLength: 3 }] },
    any: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
    nested: { type: 'object', required: ['n'], additionalProperties: false, properties: { n: { type: 'integer' } } },
  },
};

test('valid values are accepted by the same validator the app uses', () => {
  const validate = validatorFor(EVERYTHING);
  fc.assert(
    fc.property(validArbitrary(EVERYTHING, undefined), (value) => {
      assert.ok(validate(structuredClone(value)), JSON.stringify(validate.errors));
    }),
    { seed: 1, numRuns: 300 },
  );
});

test('near-valid values are mostly refused, and every kind of field gets its turn', () => {
  const validate = validatorFor(EVERYTHING);
  const samples = fc.sample(nearValidArbitrary(EVERYTHING, undefined), { seed: 2, numRuns: 1000 });
  const refused = samples.filter((v) => !validate(structuredClone(v)));
  assert.ok(refused.length > 700, `only ${refused.length} of 1000 refused`);
  const fields = new Set<string>();
  for (const v of refused) {
    validate(structuredClone(v));
    for (const e of validate.errors ?? []) fields.add(e.instancePath.split('/')[1] ?? '');
  }
  for (const key of Object.keys(EVERYTHING.properties as object)) assert.ok(fields.has(key), `no mutation of ${key} was refused`);
});

test('known values are used for fields of their name', () => {
  const known = { id: ['11111111-1111-4111-8111-111111111111'] };
  const ids = fc.sample(validArbitrary(EVERYTHING, undefined, { known }), { seed: 3, numRuns: 200 }).map((v) => (v as { id: string }).id);
  assert.ok(ids.filter((id) => id === known.id[0]).length > 100);
});
