import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import type { CertificateFacts } from '../rules/certificates.js';
import {
  INSPECTION_RULES, codeBelongsTo, daysBetween, drawInspections, drawWithout, inspectionCode, inspectionsPerEnterprise, normaliseInspectionCode, seedNumber, type DrawInput,
} from '../rules/inspections.js';

const certificate = (officerId: number, over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  officerId, status: 'valid', validFrom: '2024-01-01', validTo: '2027-12-31', fields: ['market'], ...over,
});

const input = (over: Partial<DrawInput> = {}): DrawInput => ({
  seed: 'a1b2c3', objectIds: [5, 1, 4, 2, 3], past: [], cap: 2, plannedCount: 2, sharePercent: 5,
  officers: [10, 12, 14].map((id) => ({ officerId: id, certificates: [certificate(id)] })), officersPerInspection: 2, field: 'market',
  days: daysBetween('2026-04-01', '2026-04-03'), ...over,
});

test('the defaults of the data file: two officers, a cap and a share that are numbers', () => {
  assert.equal(INSPECTION_RULES.officersPerInspection, 2);
  assert.equal(INSPECTION_RULES.yearlyCapPerEnterprise, 2);
  assert.equal(INSPECTION_RULES.defaultSharePercent, 5);
});

test('a joint inspection counts once for the enterprise, however many subjects recorded it', () => {
  const counts = inspectionsPerEnterprise([
    { objectId: 1, jointKey: 'J1' }, { objectId: 1, jointKey: 'J1' }, { objectId: 1, jointKey: 'J1' },
    { objectId: 2, jointKey: '7' }, { objectId: 2, jointKey: '8' },
  ]);
  assert.equal(counts.get(1), 1, 'three subjects on one joint inspection: one');
  assert.equal(counts.get(2), 2);
  assert.equal(counts.get(3), undefined);
});

test('seeds: FNV-1a of the seed text, by hand', () => {
  assert.equal(seedNumber(''), 0x811c9dc5);
  assert.equal(seedNumber('a'), 0xe40c292c);
});

test('drawing without repeats: a random that always says 0 keeps the order; one that always says 0.99 swaps from the end', () => {
  assert.deepEqual(drawWithout([1, 2, 3, 4], 2, () => 0), [1, 2]);
  // i = 0: j = floor(0.99 × 4) = 3 → [4, 2, 3, 1]; i = 1: j = 1 + floor(0.99 × 3) = 3 → [4, 1, 3, 2].
  assert.deepEqual(drawWithout([1, 2, 3, 4], 2, () => 0.99), [4, 1]);
  assert.deepEqual(drawWithout([1, 2], 5, () => 0), [1, 2], 'never more than there are');
});

test('one seed gives one draw (replayable), whatever order the register comes in', () => {
  const a = drawInspections(input());
  const b = drawInspections(input({ objectIds: [1, 2, 3, 4, 5] }));
  assert.deepEqual(a, b);
  assert.ok(a.ok);
  assert.equal(a.inspections.length, 2);
  assert.equal(new Set(a.inspections.map((i) => i.objectId)).size, 2, 'two different enterprises');
  const seeds = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) => JSON.stringify(drawInspections(input({ seed })))));
  assert.ok(seeds.size > 1, 'other seeds, other draws');
});

test('enterprises at the yearly cap are not candidates; a joint inspection counted once leaves room for one more', () => {
  const past = [
    { objectId: 1, jointKey: '11' }, { objectId: 1, jointKey: '12' }, // two inspections: at the cap of 2
    { objectId: 2, jointKey: 'J' }, { objectId: 2, jointKey: 'J' }, // one joint inspection of two subjects: one
    { objectId: 3, jointKey: '13' }, { objectId: 3, jointKey: '14' }, { objectId: 3, jointKey: '15' }, // above the cap (a lowered cap)
  ];
  const result = drawInspections(input({ past, plannedCount: 10 }));
  assert.ok(result.ok);
  assert.deepEqual(result.capped, [1, 3]);
  assert.deepEqual(result.candidates, [2, 4, 5]);
  assert.deepEqual(result.inspections.map((i) => i.objectId).sort(), [2, 4, 5], 'all three drawn when ten are planned');
  assert.deepEqual(drawInspections(input({ past, cap: 1, objectIds: [1, 2, 3] })), { ok: false, reason: 'no_candidates' });
});

test('no planned count: the default share of the candidates, rounded up, at least one', () => {
  const many = Array.from({ length: 41 }, (_, i) => i + 1);
  const r = drawInspections(input({ objectIds: many, plannedCount: null, sharePercent: 5 }));
  assert.ok(r.ok);
  assert.equal(r.inspections.length, 3, '5% of 41 is 2.05, so 3');
  const one = drawInspections(input({ objectIds: [9], plannedCount: null }));
  assert.ok(one.ok);
  assert.equal(one.inspections.length, 1);
});

test('officers: two different people, each certified in the field on the drawn day', () => {
  const officers = [
    { officerId: 10, certificates: [certificate(10)] },
    { officerId: 11, certificates: [certificate(11, { validTo: '2026-03-31' })] }, // expired before April
    { officerId: 12, certificates: [certificate(12)] },
    { officerId: 13, certificates: [certificate(13, { fields: ['ecology'] })] }, // another field
    { officerId: 15, certificates: [certificate(15, { status: 'suspended' })] },
  ];
  const r = drawInspections(input({ officers, plannedCount: 5 }));
  assert.ok(r.ok);
  for (const i of r.inspections) {
    assert.deepEqual(i.officerIds, [10, 12]);
    assert.ok(['2026-04-01', '2026-04-02', '2026-04-03'].includes(i.day));
  }
  // On 2 April only officer 10 is certified: 12's certificate ended on 31 March.
  const thin = [{ officerId: 10, certificates: [certificate(10)] }, { officerId: 12, certificates: [certificate(12, { validTo: '2026-03-31' })] }];
  assert.deepEqual(drawInspections(input({ officers: thin, days: ['2026-04-02'] })), { ok: false, reason: 'too_few_officers', day: '2026-04-02' });
});

test('the inspection code: twelve characters, its check bound to the inspection, read as people type it', () => {
  const mac = (...parts: string[]) => createHmac('sha256', 'test-key').update(parts.join('|')).digest();
  const code = inspectionCode(7, Buffer.from([0, 0, 0, 0, 0]), mac);
  assert.match(code, /^0000-0000-[0-9A-HJKMNP-TV-Z]{4}$/, 'forty zero bits are eight zeros');
  assert.equal(codeBelongsTo(code, 7, mac), true);
  assert.equal(codeBelongsTo(code, 8, mac), false, 'another inspection');
  assert.equal(codeBelongsTo(code.toLowerCase().replace(/-/g, ''), 7, mac), true);
  const tampered = `${code.slice(0, 10)}${code[10] === '0' ? '1' : '0'}${code[11]}`;
  assert.equal(codeBelongsTo(tampered, 7, mac), false);
  assert.equal(inspectionCode(1, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), mac).slice(0, 9), 'ZZZZ-ZZZZ');
  assert.equal(normaliseInspectionCode('abcd-efgh-jkmn'), 'ABCD-EFGH-JKMN');
  assert.equal(normaliseInspectionCode('oil0-0000-0000'), '0110-0000-0000');
  assert.equal(normaliseInspectionCode('ABCD-EFGH-JKMU'), null, 'U is not in the alphabet');
  assert.equal(normaliseInspectionCode('ABCD'), null);
});
