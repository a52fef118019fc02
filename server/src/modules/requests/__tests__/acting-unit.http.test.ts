import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

// Defect 6 of the hardening review: the county leader's account could sign and reply for any
// department. Acting on a case now needs acting for the unit that holds that part of it:
// leaders see and supervise, they do not act in a department's name, and their pages offer
// no button the server would refuse.

const TOWNSHIP = '371302001';
const LEAF = '011003'; // 物业服务 → housing

for (const backend of testBackends()) {
  describe(`staff act only for their own unit on ${backend.name}`, () => {
    let ctx: TestContext;
    let caseId: string;
    before(async () => {
      ctx = await createTestContext(backend.url);
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content: '小区电梯坏了', townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF } });
      caseId = res.json().caseId;
      await act('dispatcher', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')! });
    });
    after(async () => ctx?.close());

    const act = async (user: string, id: string, action: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, headers: await ctx.as(user), payload });
    const offered = async (user: string) =>
      ((await ctx.app.inject({ url: `/api/requests/${caseId}`, headers: await ctx.as(user) })).json().availableActions as Array<{ action: string }>).map((a) => a.action);
    const events = async () => ((await ctx.database.backend.query('select last_seq from cases where id = $1', [caseId], 'array')).rows[0] as [number])[0];

    test('the county leader sees the case but cannot sign, reply or return for the department', async () => {
      assert.equal((await ctx.app.inject({ url: `/api/requests/${caseId}`, headers: await ctx.as('leader') })).statusCode, 200);
      assert.deepEqual(await offered('leader'), []);
      const before = await events();
      for (const [action, payload] of [['sign', {}], ['return', { reason: '不属于本单位' }]] as const) {
        const res = await act('leader', caseId, action, payload);
        assert.equal(res.statusCode, 403, `${action}: ${res.body}`);
        assert.equal(res.json().error.code, 'ACTION_NOT_FOR_ACTOR');
      }
      assert.equal(await events(), before);
    });

    test('the department acts for itself; then the leader still cannot reply in its name', async () => {
      assert.deepEqual((await offered('housing')).sort(), ['return', 'sign']);
      assert.equal((await act('housing-leader', caseId, 'sign')).statusCode, 200, 'the department’s own leader acts for it');
      assert.deepEqual((await offered('housing')).sort(), ['contact', 'invite_assist', 'reply', 'request_extension', 'return']);
      const reply = await act('leader', caseId, 'reply', { reply: '已处理' });
      assert.equal(reply.statusCode, 403);
      assert.equal(reply.json().error.code, 'ACTION_NOT_FOR_ACTOR');
      assert.deepEqual(await offered('leader'), []);
    });

    test('center actions need someone of the center: the leader may not urge, the supervisor may', async () => {
      assert.equal((await act('leader', caseId, 'urge', { note: '请加快办理' })).statusCode, 403);
      assert.ok((await offered('supervisor')).includes('urge'));
      assert.equal((await act('supervisor', caseId, 'urge', { note: '请加快办理' })).statusCode, 200);
    });

    test('an extension already asked for is not offered again, and the center sees it to decide', async () => {
      assert.equal((await act('housing', caseId, 'request_extension', { reason: '需更换主板' })).statusCode, 200);
      assert.ok(!(await offered('housing')).includes('request_extension'));
      const again = await act('housing', caseId, 'request_extension', { reason: '再次申请' });
      assert.equal(again.json().error.code, 'EXTENSION_PENDING');
      assert.ok((await offered('dispatcher')).includes('approve_extension'));
      assert.equal((await act('dispatcher', caseId, 'approve_extension')).statusCode, 200);
      assert.ok(!(await offered('dispatcher')).includes('approve_extension'));
      assert.ok(!(await offered('housing')).includes('request_extension'), 'one extension only');
    });
  });
}
