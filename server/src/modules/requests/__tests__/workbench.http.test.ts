import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

const TOWNSHIP = '371302001'; // 兰山街道
const OTHER_TOWNSHIP = '371302002';
const PROPERTY = '011003'; // 城乡建设/住房保障与房地产/物业服务: rx12345.general, extensible
const SAFETY = '010103'; // 城乡建设/安全生产/安全隐患: rx12345.general
const GREENERY = '010201'; // 城乡建设/城市建设和市政管理/园林绿化环卫
const HOUR = 3600_000;

type Row = { caseId: string; trackingCode: string; state: string; batchActions: string[]; clock: { status: string } | null };

// The 12345 workbench: buttons that follow the case's state and the person's rights, the lists'
// filters under scope, saved views, and batch actions that answer for each request.
for (const backend of testBackends()) {
  describe(`the 12345 workbench on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url);
    });
    after(async () => ctx?.close());

    const housing = () => ctx.org.departmentIds.get('housing')!;
    const town = () => [...ctx.org.townshipIds.values()][0]!;
    const record = async (payload: Record<string, unknown> = {}) => {
      const res = await ctx.app.inject({
        method: 'POST', url: '/api/requests', headers: await ctx.as('operator'),
        payload: { content: '小区电梯坏了一周，物业一直不修。', townshipCode: TOWNSHIP, channel: 'phone', ...payload },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { caseId: string; trackingCode: string };
    };
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
    const ok = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await act(user, caseId, action, payload);
      assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    };
    const refused = async (user: string, caseId: string, action: string, code: string, payload: Record<string, unknown> = {}) => {
      const res = await act(user, caseId, action, payload);
      assert.equal(res.json().error?.code, code, `${user} ${action}: ${res.body}`);
    };
    const detail = async (user: string, caseId: string) => {
      const res = await ctx.app.inject({ url: `/api/requests/${caseId}`, headers: await ctx.as(user) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const offered = async (user: string, caseId: string): Promise<string[]> =>
      (await detail(user, caseId)).availableActions.map((a: { action: string }) => a.action);
    const dispatched = async (unitId = housing(), payload: Record<string, unknown> = {}) => {
      const { caseId, trackingCode } = await record(payload);
      await ok('operator', caseId, 'dispatch', { unitId, requestType: '投诉', categoryCode: (payload.categoryCode as string) ?? PROPERTY });
      return { caseId, trackingCode };
    };
    const list = async (user: string, query: string) => {
      const res = await ctx.app.inject({ url: `/api/requests?${query}`, headers: await ctx.as(user) });
      return res;
    };
    const listed = async (user: string, query: string): Promise<Row[]> => {
      const res = await list(user, `${query}&pageSize=200`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    };

    test('签收 is offered until the unit signs, and never after, even to a co-handler invited twice', async () => {
      const { caseId } = await dispatched();
      assert.ok((await offered('housing', caseId)).includes('sign'));
      await ok('housing', caseId, 'sign');
      for (const user of ['housing', 'housing-leader']) assert.equal((await offered(user, caseId)).includes('sign'), false, user);
      await refused('housing', caseId, 'sign', 'ALREADY_SIGNED');

      // A township called in twice would hold two dispatches and still see 签收 after signing one:
      // once called in, it is no longer offered, and refused if sent anyway.
      await ok('housing', caseId, 'invite_assist', { unitIds: [town()] });
      const form = (await detail('housing', caseId)).availableActions.find((a: { action: string }) => a.action === 'invite_assist');
      assert.equal(form.fields.find((f: { name: string }) => f.name === 'unitIds').options.some((o: { value: number }) => o.value === town()), false);
      await refused('housing', caseId, 'invite_assist', 'UNIT_NOT_OFFERED', { unitIds: [town()] });
      assert.ok((await offered('town', caseId)).includes('sign'));
      await ok('town', caseId, 'sign');
      assert.equal((await offered('town', caseId)).includes('sign'), false);

      // The lead answers, the case closes and is reopened: the first round's co-handler is released,
      // and the new dispatch offers 签收 to the new lead only.
      await ok('housing', caseId, 'reply', { reply: '已修复。' });
      await ok('operator', caseId, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
      assert.equal((await listed('town', 'view=todo')).some((r) => r.caseId === caseId), false, 'a closed case is no co-handler’s work');
      await ok('dispatcher', caseId, 'reopen', { reason: '问题再次出现' });
      await ok('dispatcher', caseId, 'dispatch', { unitId: housing() });
      assert.deepEqual(await offered('town', caseId), []);
      assert.deepEqual((await offered('housing', caseId)).sort(), ['return', 'sign']);
      const assist = (await detail('dispatcher', caseId)).dispatches.find((d: { role: string }) => d.role === 'assist');
      assert.equal(assist.status, 'withdrawn');
    });

    test('申请延期 ends with an approved extension; a refused one may be asked once more; only the center decides', async () => {
      const { caseId } = await dispatched();
      await ok('housing', caseId, 'sign');
      assert.ok((await offered('housing', caseId)).includes('request_extension'));
      await ok('housing', caseId, 'request_extension', { reason: '门禁主板需厂家供货' });
      assert.equal((await offered('housing', caseId)).includes('request_extension'), false);
      await refused('housing', caseId, 'request_extension', 'EXTENSION_PENDING', { reason: '再申请' });

      // Deciding is the center's dispatcher's, nobody else's.
      assert.ok((await offered('dispatcher', caseId)).includes('approve_extension'));
      assert.ok((await offered('dispatcher', caseId)).includes('reject_extension'));
      for (const user of ['operator', 'supervisor', 'housing', 'housing-leader', 'leader']) {
        const actions = await offered(user, caseId);
        assert.equal(actions.includes('approve_extension') || actions.includes('reject_extension'), false, user);
      }
      await refused('supervisor', caseId, 'approve_extension', 'ACTION_ROLE_FORBIDDEN');

      // The extension's reason is not a return reason.
      const pending = (await detail('dispatcher', caseId)).dispatches[0];
      assert.equal(pending.returnReason, null);
      assert.deepEqual(pending.extension, { status: 'pending', reason: '门禁主板需厂家供货' });

      await ok('dispatcher', caseId, 'approve_extension');
      for (const user of ['housing', 'housing-leader', 'dispatcher']) {
        const actions = await offered(user, caseId);
        for (const a of ['request_extension', 'approve_extension', 'reject_extension']) assert.equal(actions.includes(a), false, `${user} ${a}`);
      }
      await refused('housing', caseId, 'request_extension', 'EXTENSION_ALREADY_GRANTED', { reason: '还需要时间' });
      await refused('dispatcher', caseId, 'approve_extension', 'NO_EXTENSION_PENDING');
      const approved = (await detail('housing', caseId)).dispatches[0];
      assert.deepEqual([approved.returnReason, approved.extension.status], [null, 'approved']);

      // Refused: asked again with better reasons, refused again: the requests of this dispatch are used up.
      const second = await dispatched();
      await ok('housing', second.caseId, 'sign');
      await ok('housing', second.caseId, 'request_extension', { reason: '需要时间' });
      await ok('dispatcher', second.caseId, 'reject_extension', { reason: '理由不充分' });
      assert.equal((await detail('housing', second.caseId)).dispatches[0].extension, null);
      assert.ok((await offered('housing', second.caseId)).includes('request_extension'));
      await ok('housing', second.caseId, 'request_extension', { reason: '需三个部门会商，已约定下周二现场会' });
      await ok('dispatcher', second.caseId, 'reject_extension', { reason: '请先行处置' });
      assert.equal((await offered('housing', second.caseId)).includes('request_extension'), false);
      await refused('housing', second.caseId, 'request_extension', 'EXTENSION_REQUESTS_USED', { reason: '第三次' });
    });

    test('irreversible steps carry the sentence the page asks before sending them', async () => {
      const { caseId } = await record();
      const actions = (await detail('dispatcher', caseId)).availableActions as Array<{ action: string; confirm: string | null }>;
      const confirm = Object.fromEntries(actions.map((a) => [a.action, a.confirm]));
      assert.match(confirm.merge!, /不能撤销/);
      assert.match(confirm.answer_directly!, /不能修改/);
      assert.equal(confirm.classify, null);
      await ok('operator', caseId, 'dispatch', { unitId: housing(), requestType: '投诉', categoryCode: PROPERTY });
      await ok('housing', caseId, 'return', { reason: '不属本单位职责' });
      const ruling = (await detail('dispatcher', caseId)).availableActions.find((a: { action: string }) => a.action === 'rule_owner');
      assert.match(ruling.confirm, /裁定/);
    });

    test('the lists filter by state, category, unit, clock colour, channel and days, always within scope', async () => {
      const wechat = await dispatched(housing(), { channel: 'wechat', categoryCode: SAFETY });
      const phone = await dispatched(housing(), { channel: 'phone' });
      const townCase = await dispatched(town(), { townshipCode: OTHER_TOWNSHIP, channel: 'phone', categoryCode: GREENERY });
      const intake = await record({ channel: 'wechat' });
      const all = (q: string) => listed('dispatcher', `view=all&${q}`).then((rows) => rows.map((r) => r.caseId));

      const mine = [wechat.caseId, phone.caseId, townCase.caseId, intake.caseId];
      const among = (ids: string[]) => ids.filter((id) => mine.includes(id)).sort();
      assert.deepEqual(among(await all('channel=wechat')), [wechat.caseId, intake.caseId].sort());
      assert.deepEqual(among(await all('categoryCode=0101')), [wechat.caseId], 'a category takes its subcategories');
      assert.deepEqual(among(await all('categoryCode=01')), [wechat.caseId, phone.caseId, townCase.caseId].sort());
      assert.deepEqual(among(await all(`categoryCode=${PROPERTY}&channel=phone`)), [phone.caseId]);
      assert.deepEqual(among(await all(`unitId=${town()}`)), [townCase.caseId]);
      assert.deepEqual(among(await all(`unitId=${ctx.org.governmentId}&state=dispatched`)), [wechat.caseId, phone.caseId, townCase.caseId].sort(), 'a unit takes its subtree');
      assert.deepEqual(among(await all('state=received')), [intake.caseId]);
      assert.deepEqual(among(await all(`townshipCode=${OTHER_TOWNSHIP}`)), [townCase.caseId]);

      // Days received, China time: the test clock stands at 2026-03-02 09:00 +08.
      assert.deepEqual(among(await all('receivedFrom=2026-03-02&receivedTo=2026-03-02')), mine.slice().sort());
      assert.deepEqual(among(await all('receivedTo=2026-03-01')), []);
      assert.deepEqual(among(await all('receivedFrom=2026-03-03')), []);
      const backwards = await list('dispatcher', 'view=all&receivedFrom=2026-03-05&receivedTo=2026-03-01');
      assert.equal(backwards.json().error.code, 'DATE_RANGE_INVALID');
      for (const bad of ['receivedFrom=2026-02-30', 'clock=blue', 'categoryCode=abc', 'unitId=0']) {
        assert.equal((await list('dispatcher', `view=all&${bad}`)).json().error.code, 'VALIDATION_FAILED', bad);
      }

      // Clock colours follow the rows' own tags: green now, yellow past 80 % of the time to the limit
      // (Mon 09:00 to the end of the next Monday: 183 hours), red once due.
      const colours = async () => Object.fromEntries((await listed('dispatcher', 'view=all')).filter((r) => r.caseId === phone.caseId).map((r) => [r.caseId, r.clock?.status]));
      assert.deepEqual(await colours(), { [phone.caseId]: 'green' });
      assert.ok(among(await all('clock=green')).includes(phone.caseId));
      assert.equal(among(await all('clock=red')).includes(phone.caseId), false);
      const start = ctx.time.now();
      ctx.time.set(new Date(start.getTime() + 147 * HOUR)); // Sunday 2026-03-08 12:00, 147 of 183 hours
      assert.deepEqual(await colours(), { [phone.caseId]: 'yellow' });
      assert.deepEqual(among(await all('clock=yellow')).includes(phone.caseId), true);
      ctx.time.set(new Date(start.getTime() + 183 * HOUR));
      assert.deepEqual(await colours(), { [phone.caseId]: 'red' });
      assert.deepEqual(among(await all('clock=red')), [wechat.caseId, phone.caseId, townCase.caseId].sort());
      assert.deepEqual(among(await all('clock=green')), []);
      ctx.time.set(start);

      // Scope first: another department sees none of the housing bureau's requests, whatever it asks for.
      for (const query of ['view=all', `view=all&unitId=${housing()}`, 'view=all&channel=wechat', `view=all&categoryCode=${PROPERTY}`]) {
        const rows = await listed('other-dept', query);
        assert.deepEqual(among(rows.map((r) => r.caseId)), [], query);
      }
      assert.deepEqual(among((await listed('town', `view=all&unitId=${housing()}`)).map((r) => r.caseId)), []);
      assert.deepEqual(among((await listed('town', 'view=all')).map((r) => r.caseId)), [townCase.caseId]);
    });

    test('views are saved per person, by name, and only their owner reads or deletes them', async () => {
      const headers = await ctx.as('dispatcher');
      const save = async (user: string, name: string, filters: Record<string, unknown>) =>
        ctx.app.inject({ method: 'POST', url: '/api/requests/views', headers: await ctx.as(user), payload: { name, filters } });
      const created = await save('dispatcher', '微信超期', { view: 'all', channel: 'wechat', clock: 'red' });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().filters, { view: 'all', channel: 'wechat', clock: 'red' });
      assert.equal((await save('dispatcher', ' 微信超期 ', { view: 'todo' })).json().error.code, 'VIEW_NAME_TAKEN');
      assert.equal((await save('dispatcher', '坏的', { unitId: 'x' })).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await save('dispatcher', '坏的', { role: 'admin' })).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await save('dispatcher', '   ', { view: 'all' })).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await save('operator', '微信超期', { view: 'all' })).statusCode, 201, 'names are per person');

      const mine = (await ctx.app.inject({ url: '/api/requests/views', headers })).json().items;
      assert.deepEqual(mine.map((v: { name: string }) => v.name), ['微信超期']);
      const theirs = (await ctx.app.inject({ url: '/api/requests/views', headers: await ctx.as('operator') })).json().items;
      assert.equal(theirs.length, 1);
      const stolen = await ctx.app.inject({ method: 'DELETE', url: `/api/requests/views/${mine[0].id}`, headers: await ctx.as('operator') });
      assert.equal(stolen.json().error.code, 'VIEW_NOT_FOUND');
      const deleted = await ctx.app.inject({ method: 'DELETE', url: `/api/requests/views/${mine[0].id}`, headers });
      assert.equal(deleted.statusCode, 200);
      assert.deepEqual((await ctx.app.inject({ url: '/api/requests/views', headers })).json().items, []);
      assert.equal((await ctx.app.inject({ url: '/api/requests/views', headers: await ctx.as('operator') })).json().items.length, 1);

      for (let i = 0; i < 20; i++) assert.equal((await save('supervisor', `视图${i}`, { view: 'all' })).statusCode, 201);
      assert.equal((await save('supervisor', '再多一个', { view: 'all' })).json().error.code, 'VIEW_LIMIT_REACHED');
      const admin = await ctx.app.inject({ url: '/api/requests/views', headers: await ctx.as('admin') });
      assert.equal(admin.statusCode, 200);
    });

    test('batch sign and batch urge answer for each request; one refused leaves the others done', async () => {
      const a = await dispatched();
      const b = await dispatched();
      const elsewhere = await dispatched(town(), { townshipCode: OTHER_TOWNSHIP });
      const rows = await listed('housing', 'view=todo');
      assert.deepEqual(rows.filter((r) => r.caseId === a.caseId).map((r) => r.batchActions), [['sign']], 'the list says what each row may take');

      const batch = async (user: string, action: string, payload: Record<string, unknown>) =>
        ctx.app.inject({ method: 'POST', url: `/api/requests/batch/${action}`, headers: await ctx.as(user), payload });
      // A colleague signs b meanwhile.
      await ok('housing-leader', b.caseId, 'sign');
      const signed = await batch('housing', 'sign', { caseIds: [a.caseId, b.caseId, elsewhere.caseId] });
      assert.equal(signed.statusCode, 200, signed.body);
      const results = signed.json().results as Array<{ caseId: string; ok: boolean; code?: string; message?: string; state?: string; trackingCode: string | null }>;
      assert.deepEqual(results.map((r) => [r.caseId, r.ok, r.code ?? r.state]), [
        [a.caseId, true, 'handling'],
        [b.caseId, false, 'ALREADY_SIGNED'],
        [elsewhere.caseId, false, 'CASE_NOT_FOUND'],
      ]);
      assert.equal(results[0]!.trackingCode, a.trackingCode);
      assert.equal(results[2]!.trackingCode, null, 'nothing about a request out of scope');
      assert.match(results[1]!.message!, /[\u4e00-\u9fa5]/);
      assert.deepEqual([signed.json().done, signed.json().failed], [1, 2]);
      assert.equal((await detail('housing', a.caseId)).state, 'handling');
      assert.deepEqual((await listed('housing', 'view=todo')).find((r) => r.caseId === a.caseId)?.batchActions, []);

      const urged = await batch('dispatcher', 'urge', { caseIds: [a.caseId, elsewhere.caseId], note: '请加快办理' });
      assert.deepEqual(urged.json().results.map((r: { ok: boolean }) => r.ok), [true, true]);
      const timeline = (await detail('dispatcher', a.caseId)).timeline.map((e: { type: string; text: string }) => [e.type, e.text]);
      assert.deepEqual(timeline.at(-1), ['urge', '请加快办理']);
      const byUnit = await batch('housing', 'urge', { caseIds: [a.caseId] });
      assert.equal(byUnit.json().results[0].code, 'ACTION_ROLE_FORBIDDEN');

      for (const payload of [{ caseIds: [] }, { caseIds: ['x'] }, { caseIds: [a.caseId, a.caseId] }, { caseIds: Array.from({ length: 101 }, () => crypto.randomUUID()) }]) {
        assert.equal((await batch('housing', 'sign', payload)).json().error.code, 'VALIDATION_FAILED');
      }
      assert.equal((await batch('housing', 'reply', { caseIds: [a.caseId] })).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await ctx.app.inject({ method: 'POST', url: '/api/requests/batch/sign', payload: { caseIds: [a.caseId] } })).statusCode, 401);
    });
  });
}
