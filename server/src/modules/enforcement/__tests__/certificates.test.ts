import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certificateAllows, checkOfficerPair, daysUntil, expiringWithin, isRenewed, officerMayAct, type CertificateFacts } from '../rules/certificates.js';

const certificate = (officerId: number, over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  officerId, status: 'valid', validFrom: '2024-01-01', validTo: '2026-12-31', fields: ['market'], ...over,
});

test('a certificate lets its officer act from its first day to its last, both included, in its own fields', () => {
  const c = certificate(1);
  assert.equal(certificateAllows(c, '2023-12-31', 'market'), false, 'the day before it begins');
  assert.equal(certificateAllows(c, '2024-01-01', 'market'), true, 'its first day');
  assert.equal(certificateAllows(c, '2026-12-31', 'market'), true, 'its last day');
  assert.equal(certificateAllows(c, '2027-01-01', 'market'), false, 'the day after');
  assert.equal(certificateAllows(c, '2025-06-01', 'ecology'), false, 'another field');
  for (const status of ['suspended', 'revoked', 'cancelled'] as const) assert.equal(certificateAllows(certificate(1, { status }), '2025-06-01', 'market'), false, status);
});

test('an officer who may not act is told the nearest reason', () => {
  assert.deepEqual(officerMayAct([], '2025-06-01', 'market'), { ok: false, reason: 'no_certificate' });
  assert.deepEqual(officerMayAct([certificate(1, { fields: ['urban'] })], '2025-06-01', 'market'), { ok: false, reason: 'field_not_covered' });
  assert.deepEqual(officerMayAct([certificate(1, { status: 'suspended' })], '2025-06-01', 'market'), { ok: false, reason: 'suspended' });
  assert.deepEqual(officerMayAct([certificate(1, { validTo: '2025-05-31' })], '2025-06-01', 'market'), { ok: false, reason: 'expired' });
  assert.deepEqual(officerMayAct([certificate(1, { validFrom: '2025-06-02' })], '2025-06-01', 'market'), { ok: false, reason: 'not_yet_valid' });
  // A lapsed old certificate and a renewed one: the renewal lets them act.
  assert.deepEqual(officerMayAct([certificate(1, { validTo: '2025-05-31' }), certificate(1, { validFrom: '2025-06-01', validTo: '2030-05-31' })], '2025-06-01', 'market'), { ok: true });
  // A revoked one in force by its days beats an expired one in the answer: it is the reason that matters now.
  assert.deepEqual(officerMayAct([certificate(1, { validTo: '2024-12-31' }), certificate(1, { status: 'revoked', validFrom: '2025-01-01' })], '2025-06-01', 'market'), { ok: false, reason: 'revoked' });
});

test('every act needs two different certified officers', () => {
  const certificates = [certificate(1), certificate(2), certificate(3, { status: 'suspended' }), certificate(4, { fields: ['urban'] })];
  assert.deepEqual(checkOfficerPair([1, 2], certificates, '2025-06-01', 'market'), []);
  assert.deepEqual(checkOfficerPair([1, 2, 4], certificates, '2025-06-01', 'market'), [{ officerId: 4, reason: 'field_not_covered' }], 'a third without the field spoils the act');
  assert.deepEqual(checkOfficerPair([1, 1], certificates, '2025-06-01', 'market'), [{ officerId: 1, reason: 'same_officer' }, { officerId: null, reason: 'too_few' }], 'the same person twice');
  assert.deepEqual(checkOfficerPair([1], certificates, '2025-06-01', 'market'), [{ officerId: null, reason: 'too_few' }]);
  assert.deepEqual(checkOfficerPair([], certificates, '2025-06-01', 'market'), [{ officerId: null, reason: 'too_few' }]);
  assert.deepEqual(checkOfficerPair([1, 3], certificates, '2025-06-01', 'market'), [{ officerId: 3, reason: 'suspended' }]);
  assert.deepEqual(checkOfficerPair([1, 2], certificates, '2027-01-01', 'market'), [{ officerId: 1, reason: 'expired' }, { officerId: 2, reason: 'expired' }], 'the day after both lapse');
});

test('expiry warnings: certificates in force ending within 60 days, soonest first', () => {
  // From 2026-03-02: 60 days later is 2026-05-01 (29 days left in March, 30 in April, 1 in May).
  assert.equal(daysUntil('2026-03-02', '2026-05-01'), 60);
  assert.equal(daysUntil('2026-03-02', '2026-03-02'), 0);
  const list = [
    { id: 'a', status: 'valid' as const, validFrom: '2021-05-02', validTo: '2026-05-01' },
    { id: 'b', status: 'valid' as const, validFrom: '2021-05-03', validTo: '2026-05-02' },
    { id: 'c', status: 'valid' as const, validFrom: '2021-03-03', validTo: '2026-03-02' },
    { id: 'd', status: 'suspended' as const, validFrom: '2021-03-10', validTo: '2026-03-10' },
    { id: 'e', status: 'valid' as const, validFrom: '2021-03-01', validTo: '2026-03-01' },
  ];
  assert.deepEqual(expiringWithin(list, '2026-03-02', 60).map((c) => `${c.id}:${c.daysLeft}`), ['c:0', 'a:60'], 'b is 61 days away, d is suspended, e already lapsed');
});

test('a certificate renewed by a later one of the same officer and fields needs no warning', () => {
  const old = certificate(1, { validTo: '2026-04-01', fields: ['market', 'health'] });
  assert.equal(isRenewed(old, [old]), false, 'alone');
  assert.equal(isRenewed(old, [old, certificate(1, { validFrom: '2026-03-01', validTo: '2031-02-28', fields: ['market', 'health'] })]), true);
  assert.equal(isRenewed(old, [old, certificate(1, { validFrom: '2026-03-01', validTo: '2031-02-28', fields: ['market'] })]), false, 'one field left out');
  assert.equal(isRenewed(old, [old, certificate(2, { validTo: '2031-02-28', fields: ['market', 'health'] })]), false, 'another officer’s');
  assert.equal(isRenewed(old, [old, certificate(1, { status: 'suspended', validTo: '2031-02-28', fields: ['market', 'health'] })]), false, 'a suspended one');
});
