import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import type { RoutingSuggestion } from '../../../../../contracts/routing.js';
import { evaluateOnPlatform, trainOnPlatform } from '../operations/platform-labels.js';

const TOWNSHIP = '371302001';
const HOUR = 3600_000;

for (const backend of testBackends()) {
  describe(`smart dispatch over HTTP on ${backend.name}`, () => {
    let ctx: TestContext;
    let leaf: string;
    let housing: number;
    let otherKey: string;
    let other: number;
    before(async () => {
      ctx = await createTestContext(backend.url);
      housing = ctx.org.departmentIds.get('housing')!;
      [otherKey, other] = [...ctx.org.departmentIds].find(([, id]) => id !== housing)!;
      type Node = { code: string; children?: Node[] };
      const meta = (await ctx.app.inject({ url: '/api/public/meta' })).json() as { categories: Node[] };
      leaf = meta.categories[0]!.children![0]!.children![0]!.code;
    });
    after(async () => ctx?.close());

    const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n')).toString('base64');
    const POWER_HEADER = ['编码', '事项名称', '权力类型', '实施主体', '层级', '设定依据', '关键词', '对应诉求类别'];
    const importPower = async (rows: string[][]) =>
      ctx.app.inject({ method: 'POST', url: '/api/duties/import', headers: await ctx.as('admin'), payload: { list: 'power', fileName: '权责清单.csv', dataBase64: csv([POWER_HEADER, ...rows]) } });
    const record = async (content: string) => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content, townshipCode: TOWNSHIP, channel: 'phone' } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().caseId as string;
    };
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    };
    const suggestions = async (caseId: string, user = 'operator') => {
      const res = await ctx.app.inject({ url: `/api/requests/${caseId}/suggestions`, headers: await ctx.as(user) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as RoutingSuggestion;
    };
    const rankOf = (s: RoutingSuggestion, unitId: number) => s.units.findIndex((u) => u.unitId === unitId);

    test('a bad duty-list file is refused row by row and changes nothing', async () => {
      assert.equal((await importPower([['QZ-1', '电梯安全监督检查', '行政检查', otherKey, '区级', '《中华人民共和国特种设备安全法》第五十七条', '电梯、困人', leaf]])).statusCode, 200);
      const bad = await importPower([
        ['QZ-2', '甲', '行政检查', '不存在的局', '区级', '某法', '噪音', leaf],
        ['QZ-3', '乙', '行政处罚', otherKey, '区级', '', '噪音', '999999'],
      ]);
      assert.equal(bad.statusCode, 422);
      const error = bad.json().error;
      assert.equal(error.code, 'DUTY_IMPORT_INVALID');
      assert.deepEqual(error.details.problems, ['第2行：找不到单位“不存在的局”', '第3行：“设定依据”不能为空', '第3行：诉求类别 999999 不存在']);
      const items = (await ctx.app.inject({ url: '/api/duties?list=power', headers: await ctx.as('operator') })).json().items;
      assert.deepEqual(items.map((i: { code: string }) => i.code), ['QZ-1']);
      const forbidden = await ctx.app.inject({ method: 'POST', url: '/api/duties/import', headers: await ctx.as('operator'), payload: { list: 'power', fileName: 'a.csv', dataBase64: csv([POWER_HEADER]) } });
      assert.equal(forbidden.statusCode, 403);
    });

    test('a request id that is not a UUID is refused by the route, before the database', async () => {
      const res = await ctx.app.inject({ url: '/api/requests/not-a-uuid/suggestions', headers: await ctx.as('operator') });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.details[0].field, 'caseId');
    });

    test('suggest → dispatch → 退单 → re-dispatch → retrain → the suggestion changes', async () => {
      const first = await record('小区电梯又坏了，上周还困人，物业一直拖着不修');
      const before = await suggestions(first);
      assert.equal(before.units[0]?.unitId, other, JSON.stringify(before.units));
      assert.ok(before.units[0]!.reasons.some((r) => r.startsWith('权责清单: 电梯安全监督检查')));
      assert.equal(before.historyModel, null);
      const housingRankBefore = rankOf(before, housing);

      // Three times the suggested department returns it and the center gives it to housing.
      const texts = ['小区电梯又坏了，上周还困人，物业一直拖着不修', '电梯维保不到位，物业收了钱不管事', '我们楼的电梯天天停，物业公司也不派人修'];
      for (const [i, text] of texts.entries()) {
        const caseId = i === 0 ? first : await record(text);
        await act('operator', caseId, 'dispatch', { unitId: other, requestType: '投诉', categoryCode: leaf });
        await act('other-dept', caseId, 'return', { reason: '电梯日常维保由物业负责，应由住建部门督促物业' });
        // The department that returned it is never offered again for this request.
        assert.equal(rankOf(await suggestions(caseId), other), -1, 'a returned request does not suggest the unit that returned it');
        await act('dispatcher', caseId, 'redispatch', { unitId: housing, reason: '改派住建局督促物业' });
        await act('housing', caseId, 'sign');
        ctx.time.advance(HOUR);
        await act('housing', caseId, 'reply', { reply: '已督促物业公司维修并加强维保。' });
      }

      // What that department does own it keeps: two requests it answered itself.
      for (const text of ['晚上广场舞音响太吵，影响休息', '广场舞噪音扰民，希望管一管']) {
        const caseId = await record(text);
        await act('operator', caseId, 'dispatch', { unitId: other, requestType: '投诉', categoryCode: leaf });
        await act('other-dept', caseId, 'sign');
        await act('other-dept', caseId, 'reply', { reply: '已到现场劝导，降低音量。' });
      }

      const trained = await ctx.app.inject({ method: 'POST', url: '/api/routing/train', headers: await ctx.as('admin') });
      assert.equal(trained.statusCode, 200, trained.body);
      assert.equal(trained.json().unitLabels, 2);

      const next = await record('电梯坏了一个星期，物业说没有配件');
      const afterTraining = await suggestions(next);
      assert.equal(afterTraining.units[0]?.unitId, housing, JSON.stringify(afterTraining.units));
      assert.ok(afterTraining.units[0]!.reasons.some((r) => r.startsWith('历史办结: 相似诉求')));
      assert.ok(housingRankBefore === -1 || housingRankBefore > 0, 'housing was not first before training');
      assert.ok(afterTraining.historyModel && afterTraining.historyModel.rows === 5);
    });

    test('a county export labelled with its own unit names or category paths scores the platform and trains it', async () => {
      const otherName = ((await ctx.database.backend.query('select name from units where id = $1', [other], 'array')).rows[0] as [string])[0];
      const rows = [
        { text: '小区电梯困人，电梯门打不开', label: otherName },
        { text: '广场舞噪音太大扰民', label: otherName },
        { text: '某事', label: '不存在的单位' },
      ];
      const scored = await evaluateOnPlatform(ctx.database, rows);
      assert.equal(scored.compared, 'unit');
      assert.equal(scored.total, 2);
      assert.deepEqual(scored.unresolved, ['不存在的单位']);
      const byCategory = await evaluateOnPlatform(ctx.database, [{ text: '电梯困人', label: leaf.slice(0, 2) }]);
      assert.equal(byCategory.compared, 'category level 1');
      const trained = await trainOnPlatform(ctx.database, [...rows, { text: '物业不修电梯', label: 'housing' }, { text: '物业收费太高', label: 'housing' }], ctx.time.now());
      assert.equal(trained.unitRows, 4);
    });

    test('above the county threshold a request is dispatched by the platform; below it waits', async () => {
      const refused = await ctx.app.inject({ method: 'PUT', url: '/api/routing/auto-dispatch', headers: await ctx.as('admin'), payload: { rules: [{ categoryCode: 'nope', threshold: 0.6 }] } });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.code, 'CATEGORY_UNKNOWN');
      const level1 = leaf.slice(0, 2);
      const set = await ctx.app.inject({ method: 'PUT', url: '/api/routing/auto-dispatch', headers: await ctx.as('admin'), payload: { rules: [{ categoryCode: level1, threshold: 0.5 }] } });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().rules[0].threshold, 0.5);

      assert.equal((await importPower([['QZ-9', '社会生活噪声污染的查处', '行政处罚', otherKey, '区级', '《中华人民共和国噪声污染防治法》第八十七条', '广场舞、噪音、音响、扰民', leaf]])).statusCode, 200);
      const confident = await record('小区广场舞音响噪音太大，天天晚上扰民');
      const s = await suggestions(confident);
      assert.equal(s.autoDispatchThreshold, 0.5);
      const waits = await record('路边有个坑');
      let state = '';
      for (let i = 0; i < 300 && state !== 'dispatched'; i++) {
        await sleep(50);
        state = (await ctx.app.inject({ url: `/api/requests/${confident}`, headers: await ctx.as('dispatcher') })).json().state;
      }
      assert.equal(state, 'dispatched', JSON.stringify(s.units));
      const detail = (await ctx.app.inject({ url: `/api/requests/${confident}`, headers: await ctx.as('dispatcher') })).json();
      assert.equal(detail.dispatches[0].unitId, s.units[0]!.unitId);
      assert.equal((await ctx.app.inject({ url: `/api/requests/${waits}`, headers: await ctx.as('dispatcher') })).json().state, 'received');
    });
  });
}
