import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Dashboard, PublicStatistics, PublicStatisticsSettings } from '../../../../../contracts/statistics.js';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { at, seedHandCounty } from './hand-county.js';

const SETTINGS = '/api/stats/public-settings';
const CHOSEN: PublicStatisticsSettings = { published: true, figures: ['satisfactionRate', 'responseRate'], showVolume: true, showCategories: false, showTrend: true };

for (const backend of testBackends()) {
  describe(`public statistics on ${backend.name}`, () => {
    let ctx: TestContext;
    const put = async (payload: unknown, user = 'admin') => ctx.app.inject({ method: 'PUT', url: SETTINGS, headers: await ctx.as(user), payload: payload as object });
    const settings = async () => (await ctx.app.inject({ url: SETTINGS, headers: await ctx.as('leader') })).json() as PublicStatisticsSettings;
    before(async () => {
      ctx = await createTestContext(backend.url, at('2025-03-01T08:00:00'));
      await seedHandCounty(ctx);
    });
    after(async () => ctx?.close());

    test('nothing is public until an administrator publishes: 404 with a stable code', async () => {
      assert.deepEqual(await settings(), { published: false, figures: [], showVolume: false, showCategories: false, showTrend: false });
      const res = await ctx.app.inject({ url: '/api/public/statistics' });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'PUBLIC_STATISTICS_UNPUBLISHED');
      assert.equal(res.json().error.message, '本地区尚未公开接诉即办统计数据');
    });

    test('only an administrator of the whole county changes the settings', async () => {
      for (const user of ['leader', 'supervisor', 'housing']) {
        const res = await put(CHOSEN, user);
        assert.equal(res.statusCode, 403, user);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      const anonymous = await ctx.app.inject({ method: 'PUT', url: SETTINGS, payload: CHOSEN });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await settings()).published, false);
    });

    test('bad settings are refused with a stable code and change nothing', async () => {
      const saved = await put(CHOSEN);
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json(), { ...CHOSEN, figures: ['responseRate', 'satisfactionRate'] }, 'figures in the order of METRICS.md');
      const unknown = await put({ ...CHOSEN, published: false, figures: ['satisfactionRate', 'happinessIndex'] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'PUBLIC_FIGURE_UNKNOWN');
      assert.equal(unknown.json().error.message, '公开设置中有不存在的指标，设置未保存');
      assert.deepEqual(unknown.json().error.details, [{ field: 'figures', message: '没有名为“happinessIndex”的指标' }]);
      // Fastify coerces a lone string to a one-item list, which then names no figure.
      assert.equal((await put({ ...CHOSEN, figures: 'responseRate,satisfactionRate' })).json().error.code, 'PUBLIC_FIGURE_UNKNOWN');
      for (const bad of [{ ...CHOSEN, extra: 1 }, { ...CHOSEN, published: 'maybe' }, { published: true }, { ...CHOSEN, figures: ['responseRate', 'responseRate'] }]) {
        const res = await put(bad);
        assert.equal(res.statusCode, 400, JSON.stringify(bad));
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      }
      assert.deepEqual(await settings(), { ...CHOSEN, figures: ['responseRate', 'satisfactionRate'] });
    });

    test('the public page shows only what is published, with the numbers of the dashboard', async () => {
      assert.equal((await put(CHOSEN)).statusCode, 200);
      const res = await ctx.app.inject({ url: '/api/public/statistics?from=2026-03-01&to=2026-03-31' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as PublicStatistics;
      const dashboard = (await ctx.app.inject({ url: `/api/stats/dashboard?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') })).json() as Dashboard;
      assert.equal(body.regionName, '兰山区');
      assert.deepEqual(Object.keys(body.figures).sort(), ['responseRate', 'satisfactionRate']);
      assert.deepEqual(body.figures.satisfactionRate, dashboard.figures.satisfactionRate);
      assert.deepEqual(body.requests, dashboard.volume.total);
      assert.equal(body.byCategory, null);
      assert.deepEqual(body.byDay, dashboard.volume.byDay);
      assert.deepEqual(Object.keys(body).sort(), ['asOf', 'byCategory', 'byDay', 'figures', 'period', 'regionName', 'requests'], 'no ranking, townships or open work');
    });

    test('the period defaults to this year to date, stops at today and is at most a year', async () => {
      const res = await ctx.app.inject({ url: '/api/public/statistics' });
      assert.deepEqual((res.json() as PublicStatistics).period, { from: '2026-01-01', to: '2026-04-01' });
      const future = await ctx.app.inject({ url: '/api/public/statistics?from=2026-03-01&to=2026-12-31' });
      assert.deepEqual((future.json() as PublicStatistics).period, { from: '2026-03-01', to: '2026-04-01' });
      const long = await ctx.app.inject({ url: '/api/public/statistics?from=2024-01-01&to=2026-03-31' });
      assert.equal(long.json().error.code, 'PUBLIC_PERIOD_TOO_LONG');
      const backwards = await ctx.app.inject({ url: '/api/public/statistics?from=2026-03-31&to=2026-03-01' });
      assert.equal(backwards.json().error.code, 'PERIOD_INVALID');
    });

    test('unpublishing hides everything again', async () => {
      assert.equal((await put({ ...CHOSEN, published: false })).statusCode, 200);
      assert.equal((await ctx.app.inject({ url: '/api/public/statistics' })).statusCode, 404);
    });
  });
}
