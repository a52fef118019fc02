import assert from 'node:assert/strict';
import { test } from 'node:test';
import { xlsxBuffer } from '../operations/write-xlsx.js';
import { figuresTable, rankingTable } from '../rules/stats-tables.js';
import { fabricatedDashboard, figures, row, UNITS } from './fabricated-dashboard.js';
import { points, rate, relative, sheetRows } from './read-sheet.js';

test('the figures sheet gives a rate\'s changes in percentage points, the volume\'s in per cent, all as numbers', async () => {
  // 1200 requests against 1000 and 800; 满意率 950/1000 against 900/1000 and 850/1000.
  const rows = (await sheetRows(await xlsxBuffer(figuresTable(fabricatedDashboard())))).slice(3);
  assert.deepEqual(rows[0], ['受理量', 1200, null, null, 1000, null, null, 800, null, null, relative(0.2), relative(0.5)]);
  assert.deepEqual(rows.find((r) => r[0] === '满意率'), ['满意率', rate(0.95), 950, 1000, rate(0.9), 900, 1000, rate(0.85), 850, 1000, points(5), points(10)]);
  // 退单率 30/1000 (3.00%) against 900/1000 (90.00%): down 87 points, not "down 96.7%".
  assert.deepEqual(rows.find((r) => r[0] === '退单率')!.slice(10), [points(-87), points(-82)]);
});

test('a change in points is taken from the rates as shown, and "—" where a rate has no denominator', async () => {
  // 2/3 shows 66.67%, 1/3 shows 33.33%: 33.34 points, though 2/3 − 1/3 is 33.333….
  const d = fabricatedDashboard({ current: figures(2, 3), previous: figures(1, 3), lastYear: figures(0, 0) });
  const rows = (await sheetRows(await xlsxBuffer(figuresTable(d)))).slice(3);
  assert.deepEqual(rows.find((r) => r[0] === '一次办结率')!.slice(10), [points(33.34), '—']);
});

test('the ranking sheet holds each rate as a number formatted as a percentage', async () => {
  const d = fabricatedDashboard({ rows: [row(UNITS.housing, 1, figures(1, 8), 8, 90), row(UNITS.town, null, figures(0, 0), 0, null)] });
  const rows = (await sheetRows(await xlsxBuffer(rankingTable(d.ranking)))).slice(3);
  assert.deepEqual(rows[0]!.slice(0, 7), [1, '兰山区住房和城乡建设局', 90, 8, rate(0.125), 1, 8]);
  assert.deepEqual(rows[1]!.slice(0, 7), ['—', '兰山街道', '—', 0, '—', 0, 0]);
});
