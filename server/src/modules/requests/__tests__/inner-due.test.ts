import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDay, innerDueAt } from '../rules/inner-due.js';

const at = (iso: string) => new Date(`${iso}+08:00`);
// A lead dispatched Mon 2026-03-02 09:00 on the general rule must reply by the end of Mon 03-09.
const leadDue = at('2026-03-10T00:00:00');

test('a day the lead names ends at midnight China time, never after the lead’s own limit', () => {
  assert.equal(innerDueAt(leadDue, at('2026-03-02T10:00:00'), 0.8, '2026-03-04')?.toISOString(), at('2026-03-05T00:00:00').toISOString());
  // The lead's own last day: the helper's limit is the lead's, to the minute.
  assert.equal(innerDueAt(leadDue, at('2026-03-02T10:00:00'), 0.8, '2026-03-09')?.toISOString(), leadDue.toISOString());
  const urgentLead = at('2026-03-02T12:00:00');
  assert.equal(innerDueAt(urgentLead, at('2026-03-02T10:00:00'), 0.8, '2026-03-02')?.toISOString(), urgentLead.toISOString());
});

test('a day before today or after the lead’s limit is refused', () => {
  assert.equal(innerDueAt(leadDue, at('2026-03-02T10:00:00'), 0.8, '2026-03-01'), null);
  assert.equal(innerDueAt(leadDue, at('2026-03-02T10:00:00'), 0.8, '2026-03-10'), null);
  // Today is allowed until its last minute, in China time (16:30 UTC on 03-02 is 00:30 on 03-03 there).
  assert.equal(innerDueAt(leadDue, new Date('2026-03-02T16:30:00Z'), 0.8, '2026-03-02'), null);
});

test('without a day, the helper gets the share of the lead’s remaining time', () => {
  // From Mon 10:00 to the limit (Tue 03-10 00:00) is 182 hours; 80 % is 145.6 hours: Sun 03-08 11:36.
  assert.equal(innerDueAt(leadDue, at('2026-03-02T10:00:00'), 0.8)?.toISOString(), at('2026-03-08T11:36:00').toISOString());
  // A lead already late passes on its own (past) limit.
  assert.equal(innerDueAt(leadDue, at('2026-03-11T10:00:00'), 0.8)?.toISOString(), leadDue.toISOString());
});

test('China’s day of an instant', () => {
  assert.equal(chinaDay(new Date('2026-03-02T15:59:59Z')), '2026-03-02');
  assert.equal(chinaDay(new Date('2026-03-02T16:00:00Z')), '2026-03-03');
});
