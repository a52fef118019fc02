import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { ensureFirstCheckpoint, eraseExpiredPersonalData, makeCheckpoint, verifyAudit } from '../index.js';

// A requester's name and number can be erased on request or after the retention period, and
// the record still verifies: it never held them, only salted hashes.

const TOWNSHIP = '371302001';
const LEAF = '011003';
const DAY = 86_400_000;

for (const backend of testBackends()) {
  describe(`personal data on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url);
      await ensureFirstCheckpoint(ctx.database, ctx.time.now());
    });
    after(async () => ctx?.close());

    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    };
    const closedRequest = async (phone: string) => {
      const res = await ctx.app.inject({
        method: 'POST', url: '/api/requests', headers: await ctx.as('operator'),
        payload: { content: '楼上漏水', name: '赵建国', phone, address: '兰山街道幸福小区3号楼2单元501', townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF },
      });
      const caseId = res.json().caseId as string;
      await act('dispatcher', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')! });
      await act('housing', caseId, 'sign');
      await act('housing', caseId, 'contact', { note: `已联系赵建国，电话${phone}` });
      await act('housing', caseId, 'reply', { reply: '已协调楼上住户维修管道。' });
      await act('operator', caseId, 'follow_up', { resolved: true, satisfaction: 'satisfied', comment: '赵先生表示满意' });
      return caseId;
    };
    const detail = async (caseId: string) => (await ctx.app.inject({ url: `/api/requests/${caseId}`, headers: await ctx.as('operator') })).json();

    test('the record holds no name, number or note, only their hashes', async () => {
      const caseId = await closedRequest('13911112222');
      const events = JSON.stringify((await ctx.database.backend.query('select payload from case_events where case_id = $1', [caseId], 'array')).rows);
      for (const secret of ['赵建国', '13911112222', '幸福小区', '赵先生']) assert.ok(!events.includes(secret), `${secret} is in the record`);
      const seen = await detail(caseId);
      assert.equal(seen.request.requesterName, '赵建国');
      assert.ok(seen.timeline.some((e: { text: string }) => e.text.includes('已联系赵建国')), 'staff still read the note');
    });

    test('an administrator erases a case’s personal data on request; the record still verifies', async () => {
      const caseId = await closedRequest('13933334444');
      assert.equal((await ctx.app.inject({ method: 'POST', url: `/api/admin/cases/${caseId}/erase-personal-data`, headers: await ctx.as('dispatcher'), payload: {} })).statusCode, 403);
      const erased = await ctx.app.inject({ method: 'POST', url: `/api/admin/cases/${caseId}/erase-personal-data`, headers: await ctx.as('admin'), payload: { note: '诉求人来电要求删除' } });
      assert.equal(erased.statusCode, 200, erased.body);
      assert.deepEqual(erased.json().fields, ['4:note', '6:comment', 'address', 'requesterName', 'requesterPhone']);
      const seen = await detail(caseId);
      assert.equal(seen.request.requesterName, null);
      assert.equal(seen.request.requesterPhone, null);
      assert.ok(!JSON.stringify(seen).includes('13933334444'));
      assert.ok(!JSON.stringify(seen).includes('赵先生表示满意'));
      assert.equal(seen.timeline.at(-1).type, 'personal_data_erased');
      const left = await ctx.database.backend.query(`select count(*)::int as n from case_personal_data where case_id = $1 and (value is not null or salt is not null)`, [caseId], 'object');
      assert.equal((left.rows[0] as { n: number }).n, 0);
      for (let i = 0; i < 2; i++) {
        ctx.time.advance(2 * 60_000);
        await makeCheckpoint(ctx.database, ctx.time.now());
      }
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
      const log = await ctx.app.inject({ url: '/api/admin/security-events?kind=personal_data_erased', headers: await ctx.as('admin') });
      assert.equal(log.json().items[0].details.caseId, caseId);
    });

    test('after the retention period the platform erases ended cases, and only those', async () => {
      const ended = await closedRequest('13955556666');
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content: '路灯不亮', name: '钱女士', phone: '13977778888', townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF } });
      const open = res.json().caseId as string;
      assert.equal(await eraseExpiredPersonalData(ctx.database, 30, ctx.time.now()), 0, 'nothing is old enough yet');
      ctx.time.advance(31 * DAY);
      assert.ok((await eraseExpiredPersonalData(ctx.database, 30, ctx.time.now())) >= 1);
      assert.equal((await detail(ended)).request.requesterPhone, null);
      assert.equal((await detail(open)).request.requesterPhone, '13977778888', 'an open case keeps its requester');
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
    });
  });
}
