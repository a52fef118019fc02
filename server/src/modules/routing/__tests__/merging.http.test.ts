import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import type { RoutingSuggestion } from '../../../../../contracts/routing.js';

const TOWNSHIP = '371302001';
const VILLAGE = '371302001001';

for (const backend of testBackends()) {
  describe(`duplicates and merging over HTTP on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url);
    });
    after(async () => ctx?.close());

    const submit = async (content: string, phone: string, villageCode = VILLAGE) => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content, phone, townshipCode: TOWNSHIP, villageCode } });
      assert.equal(res.statusCode, 201, res.body);
      const code = res.json().trackingCode as string;
      const key = res.json().requesterKey as string;
      const [caseId] = (await ctx.database.backend.query('select case_id from hotline_requests where tracking_code = $1', [code], 'array')).rows[0] as [string];
      return { code, key, caseId };
    };
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
    const suggestions = async (caseId: string) =>
      (await ctx.app.inject({ url: `/api/requests/${caseId}/suggestions`, headers: await ctx.as('operator') })).json() as RoutingSuggestion;

    test('a repeat of an open problem is flagged, merged, answered with its parent and rated by its own requester', async () => {
      const first = await submit('锦绣花园小区门口烧烤摊每天晚上油烟很大，呛得住户不敢开窗，请有关部门管一管。', '13800000001');
      const repeat = await submit('锦绣花园小区门口的烧烤摊油烟太大了，晚上窗户都不敢开，希望尽快处理。', '13800000002');
      const unrelated = await submit('锦绣花园小区东边路灯坏了三盏，晚上出行不安全。', '13800000003');

      const s = await suggestions(repeat.caseId);
      const flagged = s.duplicates.find((d) => d.caseId === first.caseId);
      assert.ok(flagged, JSON.stringify(s.duplicates));
      assert.equal(flagged.kind, 'same_problem');
      assert.ok(flagged.reasons.some((r) => r.startsWith('同一地点')));
      assert.ok(!s.duplicates.some((d) => d.caseId === unrelated.caseId && d.kind === 'same_problem'));

      assert.equal((await act('operator', repeat.caseId, 'merge', { parentCaseId: repeat.caseId })).json().error.code, 'MERGE_TARGET_INVALID');
      assert.equal((await act('operator', repeat.caseId, 'merge', { parentCaseId: first.caseId })).statusCode, 200);
      const tracked = (await ctx.app.inject({ url: `/api/public/requests/${repeat.code}` })).json();
      assert.equal(tracked.status, 'merged');
      assert.equal(tracked.canEvaluate, false);
      // Nothing can be merged into a merged request.
      assert.equal((await act('operator', unrelated.caseId, 'merge', { parentCaseId: repeat.caseId })).json().error.code, 'MERGE_TARGET_INVALID');

      const unit = ctx.org.departmentIds.get('housing')!;
      const leaf = (await ctx.app.inject({ url: '/api/public/meta' })).json().categories[0].children[0].children[0].code;
      assert.equal((await act('operator', first.caseId, 'dispatch', { unitId: unit, requestType: '投诉', categoryCode: leaf })).statusCode, 200);
      assert.equal((await act('housing', first.caseId, 'sign')).statusCode, 200);
      assert.equal((await act('housing', first.caseId, 'reply', { reply: '已责令烧烤摊安装油烟净化设施并移入店内经营。' })).statusCode, 200);

      const answered = (await ctx.app.inject({ url: `/api/public/requests/${repeat.code}` })).json();
      assert.equal(answered.status, 'replied');
      assert.equal(answered.reply?.text, '已责令烧烤摊安装油烟净化设施并移入店内经营。');
      assert.equal(answered.canEvaluate, true);
      const rated = await ctx.app.inject({ method: 'POST', url: `/api/public/requests/${repeat.code}/evaluation`, payload: { key: repeat.key, resolved: true, satisfaction: 'satisfied' } });
      assert.equal(rated.statusCode, 201, rated.body);
      assert.equal(rated.json().status, 'closed');
    });

    test('a caller’s other recent requests are linked whatever they are about', async () => {
      const earlier = await submit('家门口的下水道堵了，污水漫到路上。', '13900000009');
      const later = await submit('孩子入学需要办理居住证明，请问去哪里办？', '13900000009', '371302001002');
      const s = await suggestions(later.caseId);
      const link = s.duplicates.find((d) => d.caseId === earlier.caseId);
      assert.equal(link?.kind, 'same_caller', JSON.stringify(s.duplicates));
      assert.ok(link.reasons.includes('同一来电号码'));
    });
  });
}
