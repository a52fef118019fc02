// The 行政处罚法 rules a case applies, each against figures worked out by hand from the articles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryProcedureVerdict } from '../rules/summary-procedure.js';
import { hearingRightGrounds } from '../rules/hearing-right.js';
import { legalReviewGate, legalReviewGrounds } from '../rules/legal-review.js';
import { lateSurcharge } from '../rules/late-surcharge.js';
import { lastDayOfDiscovery, withinLimitation } from '../rules/limitation.js';

const fine = (yuan: number) => ({ kind: 'fine' as const, amountFen: yuan * 100 });

test('当场处罚: a warning, or a fine up to 200 yuan for a citizen and 3,000 for an organisation (art. 51)', () => {
  assert.deepEqual(summaryProcedureVerdict('person', [fine(200)]), { allowed: true });
  assert.equal(summaryProcedureVerdict('person', [{ kind: 'fine', amountFen: 20001 }]).allowed, false);
  assert.deepEqual(summaryProcedureVerdict('organisation', [fine(3000), { kind: 'warning' }]), { allowed: true });
  const over = summaryProcedureVerdict('organisation', [fine(3001)]);
  assert.equal(over.allowed, false);
  assert.match(!over.allowed ? over.reason : '', /3000元/);
  const other = summaryProcedureVerdict('person', [{ kind: 'confiscate_gains', amountFen: 100 }]);
  assert.match(!other.allowed ? other.reason : '', /没收违法所得/);
  assert.equal(summaryProcedureVerdict('person', []).allowed, false);
  assert.equal(summaryProcedureVerdict('person', [{ kind: 'fine' }]).allowed, false);
});

test('hearing right (art. 63): licence, closure and practice penalties always; fines and confiscations from the hearing amounts', () => {
  assert.deepEqual(hearingRightGrounds('person', [fine(9999)]), []);
  assert.equal(hearingRightGrounds('person', [fine(10000)]).length, 1);
  assert.deepEqual(hearingRightGrounds('organisation', [fine(99999)]), []);
  assert.match(hearingRightGrounds('organisation', [fine(60000), fine(40000)])[0]!, /较大数额罚款/);
  assert.match(hearingRightGrounds('organisation', [{ kind: 'confiscate_gains', amountFen: 6e6 }, { kind: 'confiscate_property', amountFen: 4e6 }])[0]!, /没收较大数额/);
  const both = hearingRightGrounds('organisation', [{ kind: 'revoke_licence' }, { kind: 'lower_qualification' }, { kind: 'suspend_business' }]);
  assert.equal(both.length, 2, 'items (三) and (四), each once');
  assert.deepEqual(hearingRightGrounds('person', [{ kind: 'warning' }]), []);
});

test('法制审核 (art. 58): a held hearing or a marked ground needs it; the gate opens only on a passed review by someone who did not handle the case', () => {
  assert.deepEqual(legalReviewGrounds({ hearingHeld: false, marked: [] }), []);
  assert.equal(legalReviewGrounds({ hearingHeld: true, marked: ['hearing_held', 'complex'] }).length, 2);
  const grounds = legalReviewGrounds({ hearingHeld: false, marked: ['public_interest'] });
  assert.deepEqual(legalReviewGate({ grounds: [], handlerIds: [1, 2] }), { open: true });
  assert.equal(legalReviewGate({ grounds, handlerIds: [1, 2] }).open, false);
  assert.equal(legalReviewGate({ grounds, handlerIds: [1, 2], review: { passed: true, reviewerId: 2 } }).open, false);
  assert.equal(legalReviewGate({ grounds, handlerIds: [1, 2], review: { passed: false, reviewerId: 3 } }).open, false);
  assert.deepEqual(legalReviewGate({ grounds, handlerIds: [1, 2], review: { passed: true, reviewerId: 3 } }), { open: true });
});

test('加处罚款 (art. 72): 3 % of the fine a day from the day after the last day to pay, capped at the fine; appeal days not counted (art. 73)', () => {
  // 5,000 yuan due 2026-03-16: paid 2026-03-26 is 10 days late, 150 yuan a day.
  assert.deepEqual(lateSurcharge({ fineFen: 500_000, dueOn: '2026-03-16', until: '2026-03-26' }), { days: 10, surchargeFen: 150_000, capped: false });
  // paid on the last day: nothing.
  assert.deepEqual(lateSurcharge({ fineFen: 500_000, dueOn: '2026-03-16', until: '2026-03-16' }), { days: 0, surchargeFen: 0, capped: false });
  // 34 days × 3 % = 102 %: capped at the fine, reached on day 34 (33 days are 99 %): 2026-03-16 + 34 = 2026-04-19.
  assert.deepEqual(lateSurcharge({ fineFen: 500_000, dueOn: '2026-03-16', until: '2026-06-01' }), { days: 77, surchargeFen: 500_000, capped: true, cappedOn: '2026-04-19' });
  // a reconsideration from 03-20 to 03-29 (10 days) leaves 03-17..03-19 and 03-30..04-05: 3 + 7 = 10 days.
  assert.equal(lateSurcharge({ fineFen: 500_000, dueOn: '2026-03-16', until: '2026-04-05', appeals: [{ from: '2026-03-20', to: '2026-03-29' }] }).days, 10);
  // 333 yuan × 3 % = 9.99 yuan a day; 7 days = 69.93 yuan, in fen exactly.
  assert.equal(lateSurcharge({ fineFen: 33_300, dueOn: '2026-01-31', until: '2026-02-07' }).surchargeFen, 6_993);
});

test('追责时效 (art. 36): two years (five for life, health or financial security with harm) to the same date, the month\'s end when there is none', () => {
  assert.equal(lastDayOfDiscovery('2024-03-10', false), '2026-03-10');
  assert.equal(withinLimitation('2024-03-10', '2026-03-10', false), true);
  assert.equal(withinLimitation('2024-03-10', '2026-03-11', false), false);
  assert.equal(lastDayOfDiscovery('2024-02-29', false), '2026-02-28');
  assert.equal(lastDayOfDiscovery('2024-02-29', true), '2029-02-28');
  assert.equal(lastDayOfDiscovery('2023-02-28', true), '2028-02-28');
  assert.equal(withinLimitation('2021-06-30', '2026-06-30', true), true);
});
