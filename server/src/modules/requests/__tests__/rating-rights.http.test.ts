import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, TEST_PASSWORD, testBackends, type TestContext } from '../../../../test/test-context.js';

// Defect 2 of the hardening review: staff see tracking codes, and the public rating needed
// nothing else, so a unit could rate its own reply 满意 (closing its case) and anyone holding a
// code could push a case into rectification. A rating now needs the requester's own key.

const TOWNSHIP = '371302001';
const LEAF = '011003'; // 物业服务 → housing

for (const backend of testBackends()) {
  describe(`only the requester rates an answer on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => (ctx = await createTestContext(backend.url)));
    after(async () => ctx?.close());

    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    };
    const caseIdOf = async (code: string) =>
      ((await ctx.database.backend.query('select case_id from hotline_requests where tracking_code = $1', [code], 'array')).rows[0] as [string])[0];
    /** A citizen's request, answered by the housing bureau. */
    const answered = async (phone?: string) => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content: '小区电梯坏了一周，物业一直不修。', townshipCode: TOWNSHIP, ...(phone ? { phone } : {}) } });
      assert.equal(res.statusCode, 201, res.body);
      const { trackingCode, requesterKey } = res.json() as { trackingCode: string; requesterKey: string };
      const caseId = await caseIdOf(trackingCode);
      await act('dispatcher', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')!, requestType: '投诉', categoryCode: LEAF });
      await act('housing', caseId, 'sign');
      await act('housing', caseId, 'reply', { reply: '已督促物业修复电梯。' });
      return { trackingCode, requesterKey, caseId };
    };
    const rate = (code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/public/requests/${code}/evaluation`, headers, payload: { resolved: true, satisfaction: 'satisfied', ...body } });
    const state = async (caseId: string) =>
      ((await ctx.database.backend.query('select state, last_seq from cases where id = $1', [caseId], 'array')).rows[0] as [string, number]);

    test('the tracking code alone rates nothing, and a wrong key changes nothing', async () => {
      const { trackingCode, caseId } = await answered();
      const before = await state(caseId);
      const noKey = await rate(trackingCode, {});
      assert.equal(noKey.statusCode, 400);
      const wrong = await rate(trackingCode, { key: 'AAAA-AAAA' });
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json().error.code, 'REQUESTER_KEY_INVALID');
      assert.match(wrong.json().error.message, /评价码/);
      assert.deepEqual(await state(caseId), before, 'no event, no state change');
    });

    test('a signed-in unit cannot rate its own reply, even holding the key', async () => {
      const { trackingCode, requesterKey, caseId } = await answered();
      const before = await state(caseId);
      for (const user of ['housing', 'operator', 'admin']) {
        const res = await rate(trackingCode, { key: requesterKey }, await ctx.as(user));
        assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
        assert.equal(res.json().error.code, 'STAFF_NOT_CITIZEN');
      }
      // A web session (cookie) is refused the same way.
      const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'housing', password: TEST_PASSWORD } });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const viaCookie = await rate(trackingCode, { key: requesterKey }, { cookie, 'x-csrf-token': login.json().csrfToken });
      assert.equal(viaCookie.json().error.code, 'STAFF_NOT_CITIZEN');
      assert.deepEqual(await state(caseId), before);
      // The staff route has no citizen action either.
      const staffRoute = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/citizen_evaluate`, headers: await ctx.as('housing'), payload: { resolved: true, satisfaction: 'satisfied' } });
      assert.equal(staffRoute.statusCode, 403);
      // The requester, with their key, does rate.
      const own = await rate(trackingCode, { key: requesterKey.toLowerCase().replace('-', ' ') });
      assert.equal(own.statusCode, 201, own.body);
      assert.equal(own.json().status, 'closed');
    });

    test('ten wrong keys lock online rating for that request, the right key included', async () => {
      const { trackingCode, requesterKey, caseId } = await answered();
      for (let i = 0; i < 9; i++) assert.equal((await rate(trackingCode, { key: `ZZZZ-ZZZ${i}` })).json().error.code, 'REQUESTER_KEY_INVALID');
      const tenth = await rate(trackingCode, { key: 'ZZZZ-ZZZZ' });
      assert.equal(tenth.statusCode, 423);
      assert.equal(tenth.json().error.code, 'REQUESTER_KEY_LOCKED');
      const right = await rate(trackingCode, { key: requesterKey });
      assert.equal(right.json().error.code, 'REQUESTER_KEY_LOCKED');
      assert.equal((await state(caseId))[0], 'replied');
      // The center's follow-up (回访) still records the requester's view.
      await act('operator', caseId, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
    });

    test('a call the operator records sends the key to the caller, never to the operator', async () => {
      const res = await ctx.app.inject({
        method: 'POST', url: '/api/requests', headers: await ctx.as('operator'),
        payload: { content: '路灯不亮', townshipCode: TOWNSHIP, phone: '13700000077', requestType: '投诉', categoryCode: LEAF },
      });
      assert.equal(res.statusCode, 201);
      assert.equal(res.json().requesterKey, undefined, 'the operator is not shown the key');
      const key = ctx.keySentTo('13700000077');
      const caseId = res.json().caseId as string;
      await act('dispatcher', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')! });
      await act('housing', caseId, 'sign');
      await act('housing', caseId, 'reply', { reply: '已修复。' });
      const rated = await rate(res.json().trackingCode, { key, satisfaction: 'basically_satisfied' });
      assert.equal(rated.statusCode, 201, rated.body);
    });

    test('a request without a key (recorded before keys existed, or with no phone) is rated by follow-up only', async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content: '井盖丢失', townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF } });
      const { caseId, trackingCode } = res.json() as { caseId: string; trackingCode: string };
      await ctx.database.backend.query('delete from case_requester_keys where case_id = $1', [caseId], 'object');
      await act('dispatcher', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')! });
      await act('housing', caseId, 'sign');
      await act('housing', caseId, 'reply', { reply: '已补装井盖。' });
      const rated = await rate(trackingCode, { key: 'AAAA-BBBB' });
      assert.equal(rated.statusCode, 409);
      assert.equal(rated.json().error.code, 'REQUESTER_KEY_MISSING');
    });
  });
}
