import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FIGURE_KEYS, FIGURE_LABELS } from '../../../../../contracts/metrics.js';
import type { Dashboard, DrillDownRow, VolumeSlice } from '../../../../../contracts/statistics.js';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { at, seedHandCounty } from './hand-county.js';
import { points, rate, relative, sheetRows } from './read-sheet.js';

const PERIOD = 'from=2026-03-01&to=2026-03-31';

for (const backend of testBackends()) {
  describe(`Excel exports of the dashboard on ${backend.name}`, () => {
    let ctx: TestContext;
    let dashboard: Dashboard;
    const get = async (url: string, user = 'leader') => ctx.app.inject({ url, headers: await ctx.as(user) });
    const exported = async (table: string) => {
      const res = await get(`/api/stats/export/${table}.xlsx?unitId=${ctx.org.governmentId}&${PERIOD}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /spreadsheetml/);
      return sheetRows(res.rawPayload);
    };
    /** The data rows: after the title, period and header rows. */
    const body = (rows: unknown[][]) => rows.slice(3);

    before(async () => {
      ctx = await createTestContext(backend.url, at('2025-03-01T08:00:00'));
      await seedHandCounty(ctx);
      const res = await get(`/api/stats/dashboard?unitId=${ctx.org.governmentId}&${PERIOD}`);
      assert.equal(res.statusCode, 200, res.body);
      dashboard = res.json() as Dashboard;
    });
    after(async () => ctx?.close());

    test('every sheet starts with a title row and a period row', async () => {
      const rows = await exported('volume-by-day');
      assert.equal(rows[0]![0], `${dashboard.scope.name}诉求量（按日）`);
      assert.equal(rows[1]![0], '统计期间：2026-03-01 至 2026-03-31');
    });

    test('the ranking carries the JSON figures: rate as a percentage number, numerator, denominator', async () => {
      const rows = await exported('ranking');
      const total = rows.find((r) => r[0] === '合计')!;
      assert.equal(total[2], dashboard.ranking.total.compositeScore);
      FIGURE_KEYS.forEach((k, i) => {
        const f = dashboard.ranking.total.figures[k];
        assert.deepEqual(total.slice(4 + 3 * i, 7 + 3 * i), [rate(f.value), f.numerator, f.denominator], k);
      });
      for (const row of dashboard.ranking.rows) {
        const line = rows.find((r) => r[1] === row.unit.name)!;
        assert.deepEqual([line[0], line[3], line[16], line[17], line[18]], [row.rank ?? '—', row.volume, rate(row.figures.satisfactionRate.value), row.figures.satisfactionRate.numerator, row.figures.satisfactionRate.denominator]);
      }
      // The older address serves the same workbook.
      const old = await get(`/api/metrics/export.xlsx?unitId=${ctx.org.governmentId}&${PERIOD}`);
      assert.equal(old.statusCode, 200);
      assert.deepEqual(await sheetRows(old.rawPayload), rows);
    });

    test('volume by day: every day of the period and the total', async () => {
      const rows = await exported('volume-by-day');
      assert.deepEqual(body(rows).slice(0, -1), dashboard.volume.byDay.map((d) => [d.date, d.count]));
      assert.deepEqual(rows.at(-1), ['合计', dashboard.volume.total.current]);
    });

    const slices: Array<[string, (d: Dashboard) => VolumeSlice[], boolean]> = [
      ['volume-by-channel', (d) => d.volume.byChannel, true],
      ['volume-by-type', (d) => d.volume.byType, true],
      ['volume-by-category', (d) => d.volume.byCategory, true],
      ['top-categories', (d) => d.volume.topCategories, false],
    ];
    for (const [table, pick, withTotal] of slices) {
      test(`${table}: label, count and share as the JSON`, async () => {
        const rows = body(await exported(table));
        const expected = pick(dashboard).map((s) => [s.label, s.count, rate(s.share)]);
        assert.ok(expected.length > 0);
        assert.deepEqual(withTotal ? rows.slice(0, -1) : rows, expected);
        if (withTotal) assert.deepEqual(rows.at(-1), ['合计', dashboard.volume.total.current, rate(1)]);
      });
    }

    test('townships: requests in the period, open and overdue now', async () => {
      const rows = body(await exported('townships'));
      for (const cell of dashboard.townships) {
        const line = rows.find((r) => r[0] === cell.unit.name)!;
        assert.deepEqual(line.slice(1), [cell.unit.regionCode, cell.requests, cell.open, cell.overdue, rate(cell.overdueShare)]);
      }
      const total = rows.find((r) => r[0] === '合计')!;
      assert.equal(total[3], dashboard.townships.reduce((s, t) => s + t.open, 0));
    });

    test('figures: each with numerator, denominator, the two bases, and the changes as numbers (a rate\'s in points)', async () => {
      const rows = body(await exported('figures'));
      // 5 requests in March, 1 in February, 1 in March 2025: +400% both ways.
      assert.deepEqual(rows[0], ['受理量', 5, null, null, 1, null, null, 1, null, null, relative(4), relative(4)]);
      for (const k of FIGURE_KEYS) {
        const f = dashboard.figures[k];
        const line = rows.find((r) => r[0] === FIGURE_LABELS[k])!;
        assert.deepEqual(line.slice(1, 12), [
          rate(f.value), f.numerator, f.denominator,
          rate(f.previous.value), f.previous.numerator, f.previous.denominator,
          rate(f.lastYear.value), f.lastYear.numerator, f.lastYear.denominator,
          points(f.pointsFromPrevious), points(f.pointsFromLastYear),
        ], k);
      }
      // The hand-counted county has no rates in February or March 2025: every rate's change is "—".
      assert.deepEqual(rows.find((r) => r[0] === '回复率')!.slice(1, 12), [rate(1), 3, 3, '—', 0, 0, '—', 0, 0, '—', '—']);
    });

    test('the drill-down export lists every request of the count, as the drill-down does', async () => {
      const json = (await get(`/api/stats/cases?unitId=${ctx.org.governmentId}&kind=awaitingDispatch&pageSize=100`)).json() as { total: number; rows: DrillDownRow[] };
      assert.equal(json.total, 2);
      const res = await get(`/api/stats/cases/export.xlsx?unitId=${ctx.org.governmentId}&kind=awaitingDispatch`);
      assert.equal(res.statusCode, 200, res.body);
      const rows = await sheetRows(res.rawPayload);
      assert.deepEqual(body(rows).map((r) => r[0]), json.rows.map((r) => r.trackingCode));
      const overdue = body(await sheetRows((await get(`/api/stats/cases/export.xlsx?unitId=${ctx.org.governmentId}&kind=overdue`)).rawPayload));
      assert.equal(overdue.length, 1);
      assert.match(String(overdue[0]![2]), /街道|镇/);
    });

    test('an unknown table, or a unit out of scope, is refused', async () => {
      const unknown = await get(`/api/stats/export/secrets.xlsx?${PERIOD}`);
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'VALIDATION_FAILED');
      const outside = await get(`/api/stats/export/figures.xlsx?unitId=${ctx.org.governmentId}&${PERIOD}`, 'housing');
      assert.equal(outside.statusCode, 404);
      assert.equal(outside.json().error.code, 'UNIT_OUT_OF_SCOPE');
      const drill = await get(`/api/stats/cases/export.xlsx?unitId=${ctx.org.governmentId}&kind=open`, 'housing');
      assert.equal(drill.statusCode, 404);
    });
  });
}
