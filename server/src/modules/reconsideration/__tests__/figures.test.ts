import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import { averageDays, parseReconsiderationImport, percentRate, reconsiderationFigures, type CaseFacts } from '../index.js';

const FIXTURE = ['server', 'src', 'modules', 'reconsideration', 'data', 'hainan-2019.csv'];

async function hainanRows() {
  const bytes = readFileSync(repoPath(...FIXTURE));
  const result = await parseReconsiderationImport({ fileName: 'hainan-2019.csv', bytes, today: '2020-08-20' });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors.slice(0, 5)));
  return result.rows;
}

describe("Hainan's published figures (seed 000) through the import", () => {
  it('gives 457 received, 399 concluded, the published conclusions, and 纠错率 163/399 shown as 41%', async () => {
    const figures = reconsiderationFigures(await hainanRows());
    assert.equal(figures.received, 457);
    assert.equal(figures.concluded, 399);
    assert.equal(figures.open, 58);
    const { revoke, confirm_illegal, respondent_corrected, order_reply, vary, confirm_void, order_performance } = figures.byDecision;
    assert.deepEqual(
      { revoke, confirm_illegal, respondent_corrected, order_reply, vary, confirm_void, order_performance },
      { revoke: 82, confirm_illegal: 25, respondent_corrected: 55, order_reply: 1, vary: 0, confirm_void: 0, order_performance: 0 },
    );
    const others = figures.byDecision.uphold + figures.byDecision.dismiss + figures.byDecision.withdrawn + figures.byDecision.terminated;
    assert.equal(others, 236);
    assert.deepEqual(
      { ...figures.correctionRate, value: Number(figures.correctionRate.value?.toFixed(4)) },
      { numerator: 163, denominator: 399, value: 0.4085, display: '41%', displayPrecise: '40.85%' },
    );
  });

  it('is the same over the period the report covers, and nothing falls outside it', async () => {
    const rows = await hainanRows();
    const period = reconsiderationFigures(rows, { from: '2019-07-01', to: '2020-08-20' });
    assert.deepEqual(period, reconsiderationFigures(rows));
    assert.ok(rows.every((r) => r.receivedOn >= '2019-07-01' && (r.concludedOn ?? r.receivedOn) <= '2020-08-20'));
  });

  it('is what the committed generator writes (node scripts/generate-hainan-xzfy.js --check)', () => {
    const run = spawnSync(process.execPath, [repoPath('scripts', 'generate-hainan-xzfy.js'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});

describe('rates', () => {
  const shown = (n: number, d: number) => [percentRate(n, d).display, percentRate(n, d).displayPrecise];

  it('rounds half up to a whole percent as the reports do, and to two decimals as METRICS.md does', () => {
    assert.deepEqual(shown(163, 399), ['41%', '40.85%']);
    assert.deepEqual(shown(1, 8), ['13%', '12.50%']); // 12.5 → 13, half up
    assert.deepEqual(shown(1, 200), ['1%', '0.50%']); // 0.5 → 1
    assert.deepEqual(shown(1, 800), ['0%', '0.13%']); // 0.125 → 0.13
    // 29/200 × 100 is 14.499999999999998 in floating point; the exact 14.5 rounds up.
    assert.deepEqual(shown(29, 200), ['15%', '14.50%']);
    assert.deepEqual(shown(29, 20000), ['0%', '0.15%']);
    assert.deepEqual(shown(1, 3), ['33%', '33.33%']);
    assert.deepEqual(shown(2, 3), ['67%', '66.67%']);
    assert.deepEqual(shown(0, 5), ['0%', '0.00%']);
    assert.deepEqual(shown(5, 5), ['100%', '100.00%']);
    assert.deepEqual(shown(3, 199), ['2%', '1.51%']);
  });

  it('shows "—" with a zero denominator, never NaN or infinity', () => {
    assert.deepEqual(percentRate(0, 0), { numerator: 0, denominator: 0, value: null, display: '—', displayPrecise: '—' });
    const none = reconsiderationFigures([{ receivedOn: '2020-01-02', concludedOn: null, decisionKey: null }]);
    assert.equal(none.correctionRate.display, '—');
    assert.equal(none.averageDays.display, '—');
    assert.equal(none.averageDays.value, null);
    assert.equal(reconsiderationFigures([]).correctionRate.display, '—');
  });
});

describe('average days from receipt to conclusion', () => {
  it('counts calendar days and shows one decimal, half up, with its numerator and denominator', () => {
    const cases: CaseFacts[] = [
      { receivedOn: '2020-02-27', concludedOn: '2020-03-01', decisionKey: 'uphold' }, // 3 days over 29 February
      { receivedOn: '2020-01-02', concludedOn: '2020-01-02', decisionKey: 'withdrawn' }, // 0 days
      { receivedOn: '2019-12-31', concludedOn: '2020-01-01', decisionKey: 'revoke' }, // 1 day
      { receivedOn: '2020-01-02', concludedOn: null, decisionKey: null },
    ];
    assert.deepEqual(reconsiderationFigures(cases).averageDays, { numerator: 4, denominator: 3, value: 4 / 3, display: '1.3天' });
    assert.equal(averageDays(1, 4).display, '0.3天'); // 0.25 → 0.3, half up
    assert.equal(averageDays(91, 2).display, '45.5天');
    assert.equal(averageDays(0, 0).display, '—');
  });
});

describe('figures over a period', () => {
  const cases: CaseFacts[] = [
    { receivedOn: '2019-12-20', concludedOn: '2020-01-10', decisionKey: 'revoke' }, // received before, concluded in
    { receivedOn: '2020-01-05', concludedOn: '2020-01-25', decisionKey: 'uphold' }, // both in
    { receivedOn: '2020-01-20', concludedOn: '2020-02-15', decisionKey: 'vary' }, // received in, concluded after
    { receivedOn: '2020-01-31', concludedOn: null, decisionKey: null }, // received on the last day, open
    { receivedOn: '2020-02-01', concludedOn: null, decisionKey: null }, // after
    { receivedOn: '2020-01-01', concludedOn: '2020-01-31', decisionKey: null }, // concluded, conclusion not recorded
  ];
  const january = { from: '2020-01-01', to: '2020-01-31' };

  it('counts a case as received by received_on and as concluded (with its conclusion) by concluded_on', () => {
    const f = reconsiderationFigures(cases, january);
    assert.equal(f.received, 4);
    assert.equal(f.concluded, 3);
    assert.equal(f.open, 2); // received by 31 January and not concluded by then
    assert.equal(f.byDecision.revoke, 1);
    assert.equal(f.byDecision.uphold, 1);
    assert.equal(f.byDecision.vary, 0);
    // A conclusion without a recorded decision counts in the denominator only.
    assert.deepEqual([f.correctionRate.numerator, f.correctionRate.denominator, f.correctionRate.display], [1, 3, '33%']);
    assert.deepEqual([f.averageDays.numerator, f.averageDays.denominator], [21 + 20 + 30, 3]);
  });

  it('counts as open what was received by the end of the period and not concluded by then', () => {
    const december = reconsiderationFigures(cases, { from: '2019-12-01', to: '2019-12-31' });
    assert.deepEqual([december.received, december.concluded, december.open], [1, 0, 1]);
    assert.equal(reconsiderationFigures(cases).open, 2);
  });

  it('includes both ends of the period', () => {
    const oneDay = reconsiderationFigures(cases, { from: '2020-01-31', to: '2020-01-31' });
    assert.deepEqual([oneDay.received, oneDay.concluded], [1, 1]);
  });

  it('refuses a period that ends before it starts, or dates that are not days', () => {
    assert.throws(() => reconsiderationFigures(cases, { from: '2020-02-01', to: '2020-01-31' }), /ends before it starts/u);
    assert.throws(() => reconsiderationFigures(cases, { from: '2020-1-1', to: '2020-01-31' }), /period.from/u);
    assert.throws(() => reconsiderationFigures([{ receivedOn: '2020-02-30', concludedOn: null, decisionKey: null }]), /receivedOn/u);
  });
});
