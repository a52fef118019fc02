import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchmarkProblems, discretionRangeFor, type DiscretionRow, type MatterBenchmark } from '../rules/discretion.js';

const row = (circumstance: string, fineMin: number | null, fineMax: number | null, otherPenalties: string[] = []): DiscretionRow => ({ circumstance, description: circumstance, fineMin, fineMax, otherPenalties });
const ORDER = ['minor', 'ordinary', 'serious', 'grave'];
// 食品安全法 art. 126-like ladder: 5,000–50,000 yuan, graded.
const ladder = [row('minor', null, null, ['警告']), row('ordinary', 5_000, 20_000), row('serious', 20_000, 35_000), row('grave', 35_000, 50_000, ['责令停产停业'])];
const matter = (over: Partial<MatterBenchmark> = {}): MatterBenchmark => ({ discretion: ladder, firstOffenceExempt: false, minorExempt: false, ...over });

test('the range of a circumstance is its row of the benchmark', () => {
  assert.deepEqual(discretionRangeFor(matter(), 'serious'), { kind: 'range', row: ladder[2] });
  assert.deepEqual(discretionRangeFor(matter(), 'minor'), { kind: 'range', row: ladder[0] });
  assert.deepEqual(discretionRangeFor(matter({ discretion: [] }), 'ordinary'), { kind: 'none' }, 'a matter without a benchmark');
});

test('the 不罚 lists exempt minor circumstances, the first-offence list only a first offence', () => {
  assert.deepEqual(discretionRangeFor(matter({ minorExempt: true }), 'minor'), { kind: 'exempt', list: 'minor', row: ladder[0] });
  assert.deepEqual(discretionRangeFor(matter({ minorExempt: true }), 'ordinary'), { kind: 'range', row: ladder[1] }, 'only minor circumstances');
  assert.deepEqual(discretionRangeFor(matter({ firstOffenceExempt: true }), 'minor'), { kind: 'range', row: ladder[0] }, 'not a first offence');
  assert.deepEqual(discretionRangeFor(matter({ firstOffenceExempt: true }), 'minor', { firstOffence: true }), { kind: 'exempt', list: 'first_offence', row: ladder[0] });
  assert.deepEqual(discretionRangeFor(matter({ firstOffenceExempt: true }), 'serious', { firstOffence: true }), { kind: 'range', row: ladder[2] }, 'a serious first offence is punished');
});

test('a benchmark is checked row by row', () => {
  assert.deepEqual(benchmarkProblems(ladder, ORDER), []);
  assert.deepEqual(benchmarkProblems([row('ordinary', 3_000, 2_000)], ORDER), [{ index: 0, problem: 'fine_order' }]);
  assert.deepEqual(benchmarkProblems([row('ordinary', 3_000, null)], ORDER), [{ index: 0, problem: 'fine_half_open' }]);
  assert.deepEqual(benchmarkProblems([row('ordinary', null, null)], ORDER), [{ index: 0, problem: 'row_empty' }]);
  assert.deepEqual(benchmarkProblems([row('ordinary', 1, 2), row('ordinary', 2, 3)], ORDER), [{ index: 1, problem: 'circumstance_twice' }]);
  // Written graver first: the milder 一般 reaches 30,000, above 较重's 25,000.
  assert.deepEqual(benchmarkProblems([row('serious', 20_000, 25_000), row('ordinary', 5_000, 30_000)], ORDER), [{ index: 0, problem: 'grades_overlap' }]);
  assert.deepEqual(benchmarkProblems([row('ordinary', 5_000, 20_000), row('serious', 20_000, 20_000)], ORDER), [], 'touching ends are fine');
});
