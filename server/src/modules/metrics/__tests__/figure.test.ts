import assert from 'node:assert/strict';
import { test } from 'node:test';
import { change, describePointChange, figure, formatRate } from '../rules/figure.js';
import { periodFromDates } from '../rules/period.js';

test('rates show two decimals rounded half up, and "—" without a denominator', () => {
  assert.equal(formatRate(figure(2, 3).value), '66.67%');
  assert.equal(formatRate(figure(1, 8).value), '12.50%');
  assert.equal(formatRate(figure(1, 800).value), '0.13%'); // 0.125 % rounds half up
  assert.equal(formatRate(figure(163, 399).value), '40.85%'); // Hainan's correction rate in METRICS.md
  assert.equal(formatRate(figure(0, 0).value), '—');
  assert.equal(formatRate(figure(5, 5).value), '100.00%');
});

test('change over time has no infinity: a zero base gives null', () => {
  assert.equal(change(8853, 4587)?.toFixed(2), '0.93'); // 较上年增加93%
  assert.equal(change(5, 0), null);
});

test('a period is whole days in China time, the last day included', () => {
  const p = periodFromDates('2026-03-01', '2026-03-31')!;
  assert.equal(p.from.toISOString(), '2026-02-28T16:00:00.000Z');
  assert.equal(p.to.toISOString(), '2026-03-31T16:00:00.000Z');
  assert.equal(periodFromDates('2026-03-31', '2026-03-01'), null);
});

test('a rate compared in percentage points, from the rates as shown', () => {
  assert.equal(describePointChange(0.9524, 0.9404, '上月'), '较上月提高1.20个百分点');
  assert.equal(describePointChange(0.5, 0.75, '上年'), '较上年下降25.00个百分点');
  assert.equal(describePointChange(0.66666, 0.666671, '上月'), '与上月持平'); // both show 66.67%
  assert.equal(describePointChange(0.5, null, '上月'), null);
});
