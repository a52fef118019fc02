import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Dashboard, Ranking } from '../../../../../contracts/statistics.js';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { compareRollupsWithEvents } from '../operations/recompute-from-events.js';
import { runStatsCommand } from '../stats-cli.js';
import { TOWNSHIP, at, handSteps, userOf } from './hand-county.js';

// 一次办结率 counted by hand: requests closed at their first dispatch over dispatched requests
// closed, each held against the unit first dispatched to, on the day it (last) closed.
//   a housing replies, 满意 on 3-4                                  housing  1/1
//   f merged into a, follows its answer, 满意 on 3-4: never dispatched, not counted
//   b housing returns it, the township handles it, 基本满意 on 3-5       housing  0/1
//   c the township closes it on 3-5; reopened on 3-6, dispatched to the township again, closed on 4-2:
//     nothing in March (its first closing was undone), township 0/1 in April
//   d housing closes it on 3-11; reopened, answered by the center, closed on 3-13   housing  0/1
//   e answered by the center at once, 满意 on 3-10: never dispatched, not counted
//   g housing replies, 不满意, rectifies, 满意 on 3-20: rectification is no second dispatch   housing  1/1
// March: housing 2/4, township 0/0, the county 2/4.  April: township 0/1, the county 0/1.
for (const backend of testBackends()) {
  describe(`一次办结率 by hand on ${backend.name}`, () => {
    let ctx: TestContext;
    let housing: number;
    let town: number;

    before(async () => {
      ctx = await createTestContext(backend.url, at('2026-03-02T07:00:00'));
      housing = ctx.org.departmentIds.get('housing')!;
      town = ctx.org.townshipIds.get(TOWNSHIP)!;
      const townUser = await userOf(ctx, town);
      const { step, newRequest } = handSteps(ctx);
      const satisfied = { resolved: true, satisfaction: 'satisfied' };

      const { caseId: a } = await newRequest('2026-03-02T08:00:00');
      const { caseId: f } = await newRequest('2026-03-02T08:10:00');
      await step('2026-03-02T08:20:00', 'operator', f, 'merge', { parentCaseId: a });
      await step('2026-03-02T09:00:00', 'dispatcher', a, 'dispatch', { unitId: housing });
      await step('2026-03-02T10:00:00', 'housing', a, 'sign');
      await step('2026-03-03T10:00:00', 'housing', a, 'reply', { reply: '已处理' });
      await step('2026-03-04T10:00:00', 'operator', a, 'follow_up', satisfied);
      await step('2026-03-04T11:00:00', 'operator', f, 'follow_up', satisfied);

      const { caseId: b } = await newRequest('2026-03-02T08:30:00');
      await step('2026-03-02T09:00:00', 'dispatcher', b, 'dispatch', { unitId: housing });
      await step('2026-03-02T12:00:00', 'housing', b, 'return', { reason: '属地事项' });
      await step('2026-03-02T13:00:00', 'dispatcher', b, 'redispatch', { unitId: town, reason: '属地' });
      await step('2026-03-02T14:00:00', townUser, b, 'sign');
      await step('2026-03-04T10:00:00', townUser, b, 'reply', { reply: '已处理' });
      await step('2026-03-05T10:00:00', 'operator', b, 'follow_up', { resolved: true, satisfaction: 'basically_satisfied' });

      const { caseId: c } = await newRequest('2026-03-02T08:40:00');
      await step('2026-03-02T09:00:00', 'dispatcher', c, 'dispatch', { unitId: town });
      await step('2026-03-02T10:00:00', townUser, c, 'sign');
      await step('2026-03-03T10:00:00', townUser, c, 'reply', { reply: '已处理' });
      await step('2026-03-05T10:00:00', 'operator', c, 'follow_up', satisfied);
      await step('2026-03-06T10:00:00', 'dispatcher', c, 'reopen', { reason: '问题再次出现' });
      await step('2026-03-06T11:00:00', 'dispatcher', c, 'dispatch', { unitId: town });
      await step('2026-03-06T12:00:00', townUser, c, 'sign');
      await step('2026-04-01T10:00:00', townUser, c, 'reply', { reply: '已再次处理' });
      await step('2026-04-02T10:00:00', 'operator', c, 'follow_up', satisfied);

      const { caseId: d } = await newRequest('2026-03-09T08:00:00');
      await step('2026-03-09T09:00:00', 'dispatcher', d, 'dispatch', { unitId: housing });
      await step('2026-03-09T10:00:00', 'housing', d, 'sign');
      await step('2026-03-10T10:00:00', 'housing', d, 'reply', { reply: '已处理' });
      await step('2026-03-11T10:00:00', 'operator', d, 'follow_up', satisfied);
      await step('2026-03-12T10:00:00', 'dispatcher', d, 'reopen', { reason: '诉求人补充情况' });
      await step('2026-03-12T11:00:00', 'operator', d, 'answer_directly', { reply: '已当场解答' });
      await step('2026-03-13T10:00:00', 'operator', d, 'follow_up', satisfied);

      const { caseId: e } = await newRequest('2026-03-09T08:10:00');
      await step('2026-03-09T09:00:00', 'operator', e, 'answer_directly', { reply: '政策解答' });
      await step('2026-03-10T10:00:00', 'operator', e, 'follow_up', satisfied);

      const { caseId: g } = await newRequest('2026-03-16T08:00:00');
      await step('2026-03-16T09:00:00', 'dispatcher', g, 'dispatch', { unitId: housing });
      await step('2026-03-16T10:00:00', 'housing', g, 'sign');
      await step('2026-03-17T10:00:00', 'housing', g, 'reply', { reply: '已处理' });
      await step('2026-03-18T10:00:00', 'operator', g, 'follow_up', { resolved: false, satisfaction: 'dissatisfied' });
      await step('2026-03-19T10:00:00', 'housing', g, 'reply', { reply: '已整改' });
      await step('2026-03-20T10:00:00', 'operator', g, 'follow_up', satisfied);
      ctx.time.set(at('2026-04-30T10:00:00'));
    });
    after(async () => ctx?.close());

    const ranking = async (from: string, to: string) => {
      const res = await ctx.app.inject({ url: `/api/metrics?unitId=${ctx.org.governmentId}&from=${from}&to=${to}`, headers: await ctx.as('leader') });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Ranking;
    };
    const pair = (r: { figures: Ranking['total']['figures'] } | undefined) => (r ? `${r.figures.firstTimeClosingRate.numerator}/${r.figures.firstTimeClosingRate.denominator}` : 'absent');

    test('March and April as counted by hand, for each unit and the county', async () => {
      const march = await ranking('2026-03-01', '2026-03-31');
      const row = (r: Ranking, unitId: number) => r.rows.find((x) => x.unit.unitId === unitId);
      assert.deepEqual([pair(row(march, housing)), pair(row(march, town)), pair(march.total)], ['2/4', '0/0', '2/4']);
      assert.equal(march.total.figures.firstTimeClosingRate.value, 0.5);
      assert.equal(row(march, town)!.figures.firstTimeClosingRate.value, null, 'no denominator: "—"');
      const april = await ranking('2026-04-01', '2026-04-30');
      assert.deepEqual([pair(row(april, housing)), pair(row(april, town)), pair(april.total)], ['0/0', '0/1', '0/1']);
    });

    test('the dashboard shows it beside the other figures, and the rollups agree with the events', async () => {
      const res = await ctx.app.inject({ url: `/api/stats/dashboard?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') });
      const dashboard = res.json() as Dashboard;
      assert.deepEqual([dashboard.figures.firstTimeClosingRate.numerator, dashboard.figures.firstTimeClosingRate.denominator], [2, 4]);
      assert.deepEqual((await compareRollupsWithEvents(ctx.database)).differences, []);
    });

    test('April against March: the change of a rate is in percentage points', async () => {
      const res = await ctx.app.inject({ url: `/api/stats/dashboard?unitId=${ctx.org.governmentId}&from=2026-04-01&to=2026-04-30`, headers: await ctx.as('leader') });
      const dashboard = res.json() as Dashboard;
      assert.deepEqual(dashboard.previousPeriod, { from: '2026-03-01', to: '2026-03-31' });
      const f = dashboard.figures.firstTimeClosingRate;
      assert.deepEqual([f.value, f.previous.value, f.pointsFromPrevious, f.pointsFromLastYear], [0, 0.5, -50, null]);
      const cli = await runStatsCommand(ctx.database, ['--unit', String(ctx.org.governmentId), '--from', '2026-04-01', '--to', '2026-04-30'], ctx.time.now());
      assert.match(cli.output, /一次办结率\s+0\.00%\s+\(0\/1\)\s+同比 —　环比 -50\.00 个百分点/);
    });

    test('fazhi stats prints it with its numerator and denominator', async () => {
      const result = await runStatsCommand(ctx.database, ['--unit', String(ctx.org.governmentId), '--from', '2026-03-01', '--to', '2026-03-31'], ctx.time.now());
      assert.equal(result.exitCode, 0);
      assert.match(result.output, /一次办结率\s+50\.00%\s+\(2\/4\)/);
      const json = JSON.parse((await runStatsCommand(ctx.database, ['--unit', String(ctx.org.governmentId), '--from', '2026-03-01', '--to', '2026-03-31', '--json'], ctx.time.now())).output) as Dashboard;
      assert.deepEqual([json.figures.firstTimeClosingRate.numerator, json.figures.firstTimeClosingRate.denominator], [2, 4]);
    });
  });
}
