import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Dashboard, Ranking } from '../../../../../contracts/statistics.js';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { TOWNSHIP, at, seedHandCounty } from './hand-county.js';
import { rate, sheetRows } from './read-sheet.js';
import { compareRollupsWithEvents } from '../operations/recompute-from-events.js';
import { describeChange } from '../rules/figure.js';


// A county small enough to compute by hand (METRICS.md, March 2026):
//   r1 housing: contacted in time, replied in time, followed up 满意, then the citizen rates 满意 (好评)
//   r2 housing: signed and contacted after the 24-hour limit, replied after the 5-day limit,
//      followed up 不满意 → rectified in time → followed up 基本满意
//   r3 housing returns it within the response limit without contact (no 响应 either way),
//      the township handles it in time, followed up 基本满意
//   r4 the township never signs: the sweep on 1 April finds both limits passed
//   r5 same problem, same place as r4: merged into it (重复诉求)
//   r6 received in February, r7 in March 2025: the bases of 环比 and 同比
//                response  on time  reply  resolution  satisfaction  好评  差评整改  一次办结  return  repeat  score
//   housing        1/2       1/2     2/2      3/4          3/4        1/1    1/1      2/3      1/3     0/0    72.5
//   township       1/2       1/2     1/1      1/1          1/1        0/0    0/0      0/0      0/2     1/5    95
//   total          2/4       2/4     3/3      4/5          4/5        1/1    1/1      2/3      1/5     1/5    77
//   一次办结 is held against the unit first dispatched to: r3, returned by housing, is housing's.
//   score = 10 × 响应率 + 40 × 解决率 + 50 × 满意率 (data/composite-score.json)
const EXPECTED = {
  housing: { responseRate: '1/2', onTimeRate: '1/2', replyRate: '2/2', resolutionRate: '3/4', satisfactionRate: '3/4', goodRatingRate: '1/1', rectificationRate: '1/1', firstTimeClosingRate: '2/3', returnRate: '1/3', repeatRate: '0/0' },
  township: { responseRate: '1/2', onTimeRate: '1/2', replyRate: '1/1', resolutionRate: '1/1', satisfactionRate: '1/1', goodRatingRate: '0/0', rectificationRate: '0/0', firstTimeClosingRate: '0/0', returnRate: '0/2', repeatRate: '1/5' },
  total: { responseRate: '2/4', onTimeRate: '2/4', replyRate: '3/3', resolutionRate: '4/5', satisfactionRate: '4/5', goodRatingRate: '1/1', rectificationRate: '1/1', firstTimeClosingRate: '2/3', returnRate: '1/5', repeatRate: '1/5' },
};

for (const backend of testBackends()) {
  describe(`metrics by hand on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url, at('2026-03-02T08:00:00'));
      await seedHandCounty(ctx);
    });
    after(async () => ctx?.close());

    const fetchRanking = async () => {
      const res = await ctx.app.inject({ url: `/api/metrics?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Ranking;
    };
    const pairs = (figures: Record<string, { numerator: number; denominator: number }>) =>
      Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, `${f.numerator}/${f.denominator}`]));

    test('every METRICS.md figure matches the hand count, with numerator and denominator', async () => {
      const body = await fetchRanking();
      const housing = body.rows.find((r) => r.unit.unitId === ctx.org.departmentIds.get('housing'))!;
      const town = body.rows.find((r) => r.unit.unitId === ctx.org.townshipIds.get(TOWNSHIP))!;
      assert.deepEqual(pairs(housing.figures), EXPECTED.housing);
      assert.deepEqual(pairs(town.figures), EXPECTED.township);
      assert.deepEqual(pairs(body.total.figures), EXPECTED.total);
      assert.equal(housing.compositeScore, 72.5);
      assert.equal(town.compositeScore, 95);
      assert.equal(body.total.compositeScore, 77);
      assert.deepEqual([town.rank, housing.rank], [1, 2]);
      assert.deepEqual([town.volume, housing.volume], [5, 3], 'a township by its requests, a department by its dispatches');
      assert.equal(body.rows.find((r) => r.unit.unitId !== housing.unit.unitId && r.unit.unitId !== town.unit.unitId)!.rank, null);
    });

    test('ranking by a figure where lower is better puts the lowest first', async () => {
      const res = await ctx.app.inject({ url: `/api/metrics?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31&rankBy=returnRate`, headers: await ctx.as('leader') });
      const body = res.json() as Ranking;
      assert.deepEqual(body.rows.slice(0, 2).map((r) => [r.unit.unitId, r.rank]), [[ctx.org.townshipIds.get(TOWNSHIP), 1], [ctx.org.departmentIds.get('housing'), 2]]);
    });

    test('the dashboard compares with the month before and the year before, and counts what is open now', async () => {
      const res = await ctx.app.inject({ url: `/api/stats/dashboard?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as Dashboard;
      assert.deepEqual(body.previousPeriod, { from: '2026-02-01', to: '2026-02-28' });
      assert.deepEqual(body.lastYearPeriod, { from: '2025-03-01', to: '2025-03-31' });
      assert.deepEqual(body.volume.total, { current: 5, previous: 1, lastYear: 1, changeFromPrevious: 4, changeFromLastYear: 4 });
      assert.equal(describeChange(body.volume.total.changeFromLastYear, '上年同期'), '较上年同期增加400%');
      assert.equal(body.volume.byDay.length, 31);
      assert.equal(body.volume.byDay.find((d) => d.date === '2026-03-02')!.count, 3);
      assert.deepEqual(body.volume.byCategory.map((c) => [c.label, c.count]), [['城乡建设', 5]]);
      assert.deepEqual(body.live, { open: 1, overdue: 1, dueSoon: 0, awaitingDispatch: 2 });
      assert.equal(body.figures.satisfactionRate.value, 0.8);
      assert.equal(body.figures.satisfactionRate.pointsFromPrevious, null, 'no follow-ups in February: "—"');
      const cell = body.townships.find((t) => t.unit.regionCode === TOWNSHIP)!;
      assert.deepEqual([cell.requests, cell.open, cell.overdue, cell.overdueShare], [5, 1, 1, 1]);
    });

    test('the drill-down lists the open and the overdue request', async () => {
      for (const kind of ['open', 'overdue']) {
        const res = await ctx.app.inject({ url: `/api/stats/cases?unitId=${ctx.org.governmentId}&kind=${kind}`, headers: await ctx.as('leader') });
        assert.equal(res.statusCode, 200, `${kind}: ${res.body}`);
        const body = res.json() as { total: number; rows: Array<{ unitName: string }> };
        assert.equal(body.total, 1, kind);
        assert.match(body.rows[0]!.unitName, /街道|镇/);
      }
    });

    // The page was written into the SQL: 1e308 became `offset Infinity`, a 500 the fuzz found.
    test('a unit id beyond any row is refused by the route, before the database', async () => {
      for (const url of ['/api/metrics?unitId=2147483648&from=2026-03-01&to=2026-03-31', '/api/stats/cases?kind=open&unitId=2147483648']) {
        const res = await ctx.app.inject({ url, headers: await ctx.as('leader') });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().error.details[0].field, 'unitId');
      }
    });

    test('a page beyond any list is refused as bad input', async () => {
      for (const kind of ['open', 'awaitingDispatch']) {
        const res = await ctx.app.inject({ url: `/api/stats/cases?kind=${kind}&page=1e%2B308`, headers: await ctx.as('leader') });
        assert.equal(res.statusCode, 400, `${kind}: ${res.body}`);
        assert.equal(res.json().error.details[0].field, 'page');
      }
    });

    test('an open dispatch counts as due soon from four fifths of its time, and the drill-down lists the same', async () => {
      const open = await ctx.database.backend.query(
        `select dispatched_at as "dispatchedAt", due_at as "dueAt" from hotline_dispatches where role = 'lead' and status in ('pending', 'signed')`, [], 'object');
      assert.equal(open.rows.length, 1);
      const { dispatchedAt, dueAt } = open.rows[0] as { dispatchedAt: Date | string; dueAt: Date | string };
      const start = new Date(dispatchedAt).getTime();
      const span = new Date(dueAt).getTime() - start;
      const saved = ctx.time.now();
      const read = async (share: number) => {
        ctx.time.set(new Date(start + span * share));
        const headers = await ctx.as('leader');
        const dashboard = (await ctx.app.inject({ url: `/api/stats/dashboard?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers })).json() as Dashboard;
        const listed = (await ctx.app.inject({ url: `/api/stats/cases?unitId=${ctx.org.governmentId}&kind=dueSoon`, headers })).json() as { total: number };
        return [dashboard.live.open, dashboard.live.overdue, dashboard.live.dueSoon, listed.total];
      };
      try {
        assert.deepEqual(await read(0.5), [1, 0, 0, 0]);
        assert.deepEqual(await read(0.9), [1, 0, 1, 1]);
        // A township's count of requests waiting for dispatch agrees with its list.
        const headers = await ctx.as('leader');
        const township = ctx.org.townshipIds.get(TOWNSHIP)!;
        const dashboard = (await ctx.app.inject({ url: `/api/stats/dashboard?unitId=${township}&from=2026-03-01&to=2026-03-31`, headers })).json() as Dashboard;
        const listed = (await ctx.app.inject({ url: `/api/stats/cases?unitId=${township}&kind=awaitingDispatch`, headers })).json() as { total: number };
        assert.deepEqual([dashboard.live.awaitingDispatch, listed.total], [2, 2]);
      } finally {
        ctx.time.set(saved);
      }
    });

    test('the rollups agree with a recomputation from the events', async () => {
      const report = await compareRollupsWithEvents(ctx.database);
      assert.deepEqual(report.differences, []);
      assert.equal(report.cases, 7);
    });

    test('the Excel export carries the same figures', async () => {
      const res = await ctx.app.inject({ url: `/api/metrics/export.xlsx?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') });
      assert.equal(res.statusCode, 200);
      const rows = await sheetRows(res.rawPayload);
      const total = rows.find((r) => r[0] === '合计')!;
      assert.equal(total[2], 77);
      assert.deepEqual(total.slice(4, 7), [rate(0.5), 2, 4]);
      assert.deepEqual(total.slice(16, 19), [rate(0.8), 4, 5]);
    });

    test('a unit cannot read figures outside its scope', async () => {
      const res = await ctx.app.inject({ url: `/api/metrics?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('housing') });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'UNIT_OUT_OF_SCOPE');
    });
  });
}
