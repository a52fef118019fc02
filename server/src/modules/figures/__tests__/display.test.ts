import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureValue, roundHalfUp } from '../rules/display.js';

test('figures round half up on their decimal digits and show — for a zero denominator', () => {
  // Hainan (seed 000): 163 of 399 concluded cases corrected = 40.852…% → 41%.
  assert.deepEqual(figureValue('rate', 163, 399, 0), { numerator: 163, denominator: 399, value: (163 / 399) * 100, display: '41%' });
  assert.equal(figureValue('rate', 1, 8, 0).display, '13%', '12.5 rounds up');
  assert.equal(figureValue('rate', 1, 8, 2).display, '12.50%');
  assert.equal(roundHalfUp(0.125, 2), '0.13', 'not 0.12 from the binary value');
  assert.equal(roundHalfUp(1.005, 2), '1.01');
  assert.deepEqual(figureValue('rate', 0, 0, 0), { numerator: 0, denominator: 0, value: null, display: '—' });
  assert.equal(figureValue('average', 47, 2, 1, '天').display, '23.5天');
  assert.deepEqual(figureValue('count', 457, null), { numerator: 457, denominator: null, value: 457, display: '457' });
});
