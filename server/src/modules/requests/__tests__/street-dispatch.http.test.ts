import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { sweepClocks, verifyAudit } from '../../cases/index.js';
import { readDutyListsFile, seedDutyLists } from '../../duties/index.js';
import { compareRollupsWithEvents } from '../../metrics/index.js';

// 下派 and 协办: a township sends a request on to its grid, a lead calls in a co-handler; each
// answers the lead on a clock of its own inside the lead's, and the lead's reply cites them.
// The center's figures count the lead's dispatch only. Limits counted by hand: dispatched Mon
// 2026-03-02 09:00 on the general rule (five working days), the lead replies by the end of Mon
// 03-09, i.e. Tue 03-10 00:00 China time.

const LANSHAN = '371302001'; // 兰山街道
const YINQUESHAN = '371302002'; // 银雀山街道
const LEAF = '011003'; // 物业服务 → housing, rx12345.general
const HOUR = 3600_000;
const at = (iso: string) => new Date(`${iso}+08:00`);
const LEAD_DUE = at('2026-03-10T00:00:00').toISOString();

interface Field { name: string; kind: string; options?: Array<{ value: number; label: string; group: string }> }
interface Offered { action: string; fields: Field[] }

for (const backend of testBackends()) {
  describe(`下派 and 协办 on ${backend.name}`, () => {
    let ctx: TestContext;
    let units: { lanshan: number; yinqueshan: number; housing: number; community: number; grid: number; grid2: number; otherGrid: number; otherCommunity: number };
    before(async () => {
      ctx = await createTestContext(backend.url, at('2026-03-02T09:00:00'));
      await ctx.database.transaction((tx) => seedDutyLists(tx, readDutyListsFile('371302'), (key) => ctx.org.departmentIds.get(key) ?? null));
      const firstVillage = (township: string) => [...ctx.org.communityIds.keys()].find((code) => code.startsWith(township))!;
      const village = firstVillage(LANSHAN);
      const otherVillage = firstVillage(YINQUESHAN);
      units = {
        lanshan: ctx.org.townshipIds.get(LANSHAN)!,
        yinqueshan: ctx.org.townshipIds.get(YINQUESHAN)!,
        housing: ctx.org.departmentIds.get('housing')!,
        community: ctx.org.communityIds.get(village)!,
        grid: ctx.org.gridIds.get(village)![0]!,
        grid2: ctx.org.gridIds.get(village)![1]!,
        otherCommunity: ctx.org.communityIds.get(otherVillage)!,
        otherGrid: ctx.org.gridIds.get(otherVillage)![0]!,
      };
      await handlerAt('grid-worker', units.grid);
      await handlerAt('community-worker', units.community);
      await handlerAt('other-grid-worker', units.otherGrid);
    });
    after(async () => ctx?.close());

    /** A 承办人 account at a unit, made by the administrator as a county would. */
    const handlerAt = async (username: string, unitId: number) => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/admin/users', headers: await ctx.as('admin'), payload: { username, displayName: username, role: 'handler', unitId } });
      assert.equal(res.statusCode, 201, res.body);
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where username = $2', ['admin', username], 'object');
    };
    const record = async (content = '小区电梯坏了一周，物业一直不修。') => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content, phone: '13812345678', townshipCode: LANSHAN, requestType: '投诉', categoryCode: LEAF } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { caseId: string; trackingCode: string };
    };
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
    const ok = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await act(user, caseId, action, payload);
      assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    };
    const refused = async (user: string, caseId: string, action: string, payload: Record<string, unknown>, status: number, code: string) => {
      const before = await lastSeq(caseId);
      const res = await act(user, caseId, action, payload);
      assert.equal(res.statusCode, status, `${user} ${action}: ${res.body}`);
      assert.equal(res.json().error.code, code);
      assert.equal(await lastSeq(caseId), before, 'a refusal records nothing');
    };
    const detail = async (user: string, caseId: string) => ctx.app.inject({ url: `/api/requests/${caseId}`, headers: await ctx.as(user) });
    const offered = async (user: string, caseId: string) => (await detail(user, caseId)).json().availableActions as Offered[];
    const picker = async (user: string, caseId: string, action: string) =>
      (await offered(user, caseId)).find((a) => a.action === action)!.fields.find((f) => f.kind === 'unit' || f.kind === 'units')!.options!;
    const lastSeq = async (caseId: string) => ((await ctx.database.backend.query('select last_seq from cases where id = $1', [caseId], 'array')).rows[0] as [number])[0];
    const kindsOf = async (ids: number[]) =>
      new Set(((await ctx.database.backend.query('select distinct kind from units where id = any($1::int[])', [ids], 'array')).rows as Array<[string]>).map(([k]) => k));
    const list = async (user: string, view: 'todo' | 'all') =>
      (await ctx.app.inject({ url: `/api/requests?view=${view}&pageSize=200`, headers: await ctx.as(user) })).json().items as Array<{ caseId: string; clock: { dueAt: string } | null }>;
    const clockRows = async (caseId: string) =>
      (await ctx.database.backend.query(`select name, unit_id, due_at, stopped_at from case_clocks where case_id = $1 order by started_at, unit_id`, [caseId], 'object'))
        .rows as Array<{ name: string; unit_id: number | null; due_at: Date; stopped_at: Date | null }>;

    test('the center’s picker lists the departments and townships; anything else is refused', async () => {
      ctx.time.set(at('2026-03-02T09:00:00'));
      const { caseId } = await record();
      const options = await picker('dispatcher', caseId, 'dispatch');
      assert.deepEqual(await kindsOf(options.map((o) => o.value)), new Set(['department', 'township']));
      assert.equal(options.length, ctx.org.departmentIds.size + ctx.org.townshipIds.size);
      assert.deepEqual([...new Set(options.map((o) => o.group))], ['职能部门', '乡镇（街道）']);
      // The duty lists name the housing bureau for 物业服务: it leads its group, marked.
      assert.equal(options[0]!.value, units.housing);
      assert.match(options[0]!.label, /（清单所列）$/);
      await refused('dispatcher', caseId, 'dispatch', { unitId: units.community }, 400, 'UNIT_NOT_OFFERED');
      await refused('dispatcher', caseId, 'dispatch', { unitId: units.grid }, 400, 'UNIT_NOT_OFFERED');
      await refused('dispatcher', caseId, 'dispatch', { unitId: ctx.org.centerId }, 400, 'UNIT_NOT_OFFERED');
      await refused('dispatcher', caseId, 'dispatch', { unitId: 999_999 }, 400, 'UNIT_UNKNOWN');
    });

    test('a township sends on to its grid and calls in a department; each answers it on its own clock; its reply cites both', async () => {
      ctx.time.set(at('2026-03-02T09:00:00'));
      const { caseId, trackingCode } = await record();
      await ok('dispatcher', caseId, 'dispatch', { unitId: units.lanshan });
      ctx.time.advance(HOUR);
      await ok('town', caseId, 'sign');

      // 下派 lists exactly the township's own communities and grids, grouped; 协办 every department and township but itself.
      const down = await picker('town', caseId, 'dispatch_down');
      const own = (await ctx.database.backend.query(`select count(*)::int from units where path like (select path from units where id = $1) || '%' and kind in ('community', 'grid')`, [units.lanshan], 'array')).rows[0] as [number];
      assert.equal(down.length, own[0]);
      assert.deepEqual([...new Set(down.map((o) => o.group))], ['村（社区）', '网格']);
      assert.ok(down.some((o) => o.value === units.grid) && !down.some((o) => o.value === units.otherGrid));
      const assist = await picker('town', caseId, 'invite_assist');
      assert.deepEqual(await kindsOf(assist.map((o) => o.value)), new Set(['department', 'township']));
      assert.equal(assist.length, ctx.org.departmentIds.size + ctx.org.townshipIds.size - 1);
      assert.ok(!assist.some((o) => o.value === units.lanshan), 'the lead is not its own co-handler');

      // The generic case pages read the same list from the action's schema.
      const generic = (await ctx.app.inject({ url: `/api/cases/${caseId}`, headers: await ctx.as('town') })).json();
      const schema = generic.actions.find((a: { action: string }) => a.action === 'dispatch_down').input.properties.unitIds;
      assert.deepEqual(schema.items.enum, down.map((o) => o.value));
      assert.equal(schema['x-groups'][String(units.grid)], '网格');

      await refused('town', caseId, 'dispatch_down', { unitIds: [units.otherGrid] }, 400, 'UNIT_NOT_OFFERED');
      await refused('town', caseId, 'dispatch_down', { unitIds: [units.housing] }, 400, 'UNIT_NOT_OFFERED');
      await refused('town', caseId, 'invite_assist', { unitIds: [units.community] }, 400, 'UNIT_NOT_OFFERED');
      await refused('town', caseId, 'dispatch_down', { unitIds: [units.grid], replyBy: '2026-03-10' }, 400, 'REPLY_BY_OUT_OF_RANGE');
      await refused('town', caseId, 'dispatch_down', { unitIds: [units.grid], replyBy: '2026-03-01' }, 400, 'REPLY_BY_OUT_OF_RANGE');
      // The center does not send on to a community: that is the township's own step.
      await refused('dispatcher', caseId, 'dispatch_down', { unitIds: [units.grid] }, 403, 'ACTION_ROLE_FORBIDDEN');

      await ok('town', caseId, 'dispatch_down', { unitIds: [units.grid], note: '请网格员入户核实电梯情况', replyBy: '2026-03-04' });
      // Called in at Mon 10:00 without a day: 80 % of the 182 hours left to the lead's limit, Sun 03-08 11:36.
      await ok('town', caseId, 'invite_assist', { unitIds: [units.housing], note: '请督促物业维修' });
      const inner = (await clockRows(caseId)).filter((k) => k.name === 'inner');
      assert.deepEqual(inner.map((k) => [k.unit_id, new Date(k.due_at).toISOString()]).sort(), [
        [units.housing, at('2026-03-08T11:36:00').toISOString()],
        [units.grid, at('2026-03-05T00:00:00').toISOString()],
      ].sort());
      // A unit already at work is not offered again.
      assert.ok(!(await picker('town', caseId, 'dispatch_down')).some((o) => o.value === units.grid));

      // The grid worker: the case on the to-do with the grid's own clock, the requester's number to call.
      const todo = (await list('grid-worker', 'todo')).find((r) => r.caseId === caseId);
      assert.equal(todo?.clock?.dueAt, at('2026-03-05T00:00:00').toISOString());
      const seen = (await detail('grid-worker', caseId)).json();
      assert.equal(seen.request.requesterPhone, '13812345678');
      assert.deepEqual((await offered('grid-worker', caseId)).map((a) => a.action), ['sign']);
      await refused('grid-worker', caseId, 'reply_lead', { reply: '已核实' }, 403, 'ACTION_NOT_FOR_ACTOR');
      ctx.time.advance(HOUR);
      await ok('grid-worker', caseId, 'sign');
      assert.deepEqual((await offered('grid-worker', caseId)).map((a) => a.action).sort(), ['contact', 'reply_lead']);
      for (const [action, payload] of [['reply', { reply: '答复' }], ['return', { reason: '不归我' }], ['invite_assist', { unitIds: [units.housing] }], ['request_extension', { reason: '忙' }]] as const) {
        await refused('grid-worker', caseId, action, payload, 403, 'ACTION_NOT_FOR_ACTOR');
      }
      await ok('grid-worker', caseId, 'contact', { note: '已电话联系诉求人，约定下午入户。' });
      // The grid's call is not the lead's response: the center's response limit still runs for the township.
      const afterCall = (await detail('dispatcher', caseId)).json();
      const lead = afterCall.dispatches.find((d: { role: string }) => d.role === 'lead');
      assert.equal(lead.dueAt, LEAD_DUE);
      assert.equal(lead.contactedAt, null);
      assert.ok(afterCall.clocks.some((k: { name: string }) => k.name === 'response'));
      ctx.time.advance(3 * HOUR);
      await ok('grid-worker', caseId, 'reply_lead', { reply: '经入户核实，3号楼电梯停运，物业已联系维保单位。' });
      assert.equal((await list('grid-worker', 'todo')).some((r) => r.caseId === caseId), false, 'answered: off the grid’s to-do');
      assert.deepEqual((await offered('grid-worker', caseId)).map((a) => a.action), []);

      await ok('housing', caseId, 'sign');
      await ok('housing', caseId, 'reply_lead', { reply: '已约谈物业公司，责令三日内修复。' });
      const stopped = (await clockRows(caseId)).filter((k) => k.name === 'inner');
      assert.ok(stopped.every((k) => k.stopped_at), 'each answer stops its own clock');

      ctx.time.advance(HOUR);
      await ok('town', caseId, 'contact', { note: '已联系诉求人告知进展。' });
      await ok('town', caseId, 'reply', { reply: '经街道、网格员和区住建局共同核实处理，电梯已修复。' });
      const replied = (await detail('town', caseId)).json();
      assert.deepEqual(replied.request.replyCites.map((c: { unitName: string; roleLabel: string }) => [c.roleLabel, c.unitName]).sort(), [
        ['下派', replied.dispatches.find((d: { unitId: number }) => d.unitId === units.grid).unitName],
        ['协办', '兰山区住房和城乡建设局'],
      ].sort());
      const replyEntry = replied.timeline.findLast((e: { type: string }) => e.type === 'reply');
      assert.match(replyEntry.text, /依据：.*网格.*兰山区住房和城乡建设局的回复|依据：兰山区住房和城乡建设局.*网格的回复/);
      assert.deepEqual(replied.dispatches.map((d: { role: string; status: string }) => [d.role, d.status]), [['lead', 'replied'], ['sub', 'replied'], ['assist', 'replied']]);

      // The citizen reads one signing, the lead's: the others are the lead's business.
      const tracked = (await ctx.app.inject({ url: `/api/public/requests/${trackingCode}` })).json();
      assert.equal(tracked.timeline.filter((e: { label: string }) => e.label === '承办单位已签收').length, 1);

      // The figures count the township's dispatch only; the grid and the co-handler take no part.
      const rows = (await ctx.database.backend.query('select unit_id, sum(dispatched)::int as d from hotline_daily_figures group by unit_id', [], 'object')).rows as Array<{ unit_id: number; d: number }>;
      assert.equal(rows.find((r) => r.unit_id === units.grid), undefined);
      assert.equal(rows.find((r) => r.unit_id === units.housing)?.d ?? 0, 0);
      assert.ok((rows.find((r) => r.unit_id === units.lanshan)?.d ?? 0) >= 1);
      assert.deepEqual((await compareRollupsWithEvents(ctx.database)).differences, []);
    });

    test('a grid worker sees only what was sent to the grid; the township and community see their grids’ cases', async () => {
      ctx.time.set(at('2026-03-02T09:00:00'));
      const mine = await record('楼道灯坏了。');
      const notMine = await record('门口井盖松动。');
      for (const { caseId } of [mine, notMine]) {
        await ok('dispatcher', caseId, 'dispatch', { unitId: units.lanshan });
        await ok('town', caseId, 'sign');
      }
      await ok('town', mine.caseId, 'dispatch_down', { unitIds: [units.grid] });
      await ok('town', notMine.caseId, 'dispatch_down', { unitIds: [units.grid2] });
      const visible = new Set((await list('grid-worker', 'all')).map((r) => r.caseId));
      assert.ok(visible.has(mine.caseId));
      assert.ok(!visible.has(notMine.caseId));
      assert.equal((await detail('grid-worker', notMine.caseId)).statusCode, 404);
      assert.equal((await act('grid-worker', notMine.caseId, 'sign')).statusCode, 404);
      // A grid of another township sees neither, nor acts.
      assert.equal((await list('other-grid-worker', 'all')).some((r) => r.caseId === mine.caseId || r.caseId === notMine.caseId), false);
      assert.equal((await detail('other-grid-worker', mine.caseId)).statusCode, 404);
      // The community sees both its grids' cases but holds no dispatch: it acts on neither.
      const community = new Set((await list('community-worker', 'all')).map((r) => r.caseId));
      assert.ok(community.has(mine.caseId) && community.has(notMine.caseId));
      assert.deepEqual(await offered('community-worker', mine.caseId), []);
      // A department lead has no communities to send to: no 下派, and the server refuses it.
      const dept = await record('物业乱收费。');
      await ok('dispatcher', dept.caseId, 'dispatch', { unitId: units.housing });
      await ok('housing', dept.caseId, 'sign');
      assert.ok(!(await offered('housing', dept.caseId)).some((a) => a.action === 'dispatch_down'));
      await refused('housing', dept.caseId, 'dispatch_down', { unitIds: [units.grid] }, 403, 'ACTION_NOT_FOR_ACTOR');
    });

    test('a lapsed inner limit urges the grid, not the center; a return withdraws every inner dispatch', async () => {
      ctx.time.set(at('2026-03-02T09:00:00'));
      const { caseId } = await record('小区垃圾桶满了没人清。');
      await ok('dispatcher', caseId, 'dispatch', { unitId: units.lanshan });
      await ok('town', caseId, 'sign');
      await ok('town', caseId, 'dispatch_down', { unitIds: [units.grid], replyBy: '2026-03-02' });
      await ok('grid-worker', caseId, 'sign');
      // 03-03 01:00: the grid's limit (03-03 00:00) has passed; the township's response clock
      // (24 hours, 03-03 09:00) is not yet at its 80 % (04:12).
      await sweepClocks(ctx.database, at('2026-03-03T01:00:00'));
      ctx.time.set(at('2026-03-03T01:00:00'));
      const timeline = (await detail('town', caseId)).json().timeline as Array<{ type: string; text: string }>;
      const supervised = timeline.filter((e) => e.type === 'auto_supervise');
      assert.equal(supervised.length, 1);
      assert.match(supervised[0]!.text, /^回复主办时限（.*网格）$/);
      assert.equal((await list('supervisor', 'todo')).some((r) => r.caseId === caseId), false, 'the center’s supervisor is not called to the lead’s business');
      assert.equal((await list('grid-worker', 'todo')).find((r) => r.caseId === caseId)?.clock?.dueAt, at('2026-03-03T00:00:00').toISOString());

      await ok('town', caseId, 'return', { reason: '不属于属地事项，应由住建部门办理。' });
      const after = (await detail('dispatcher', caseId)).json();
      assert.deepEqual(after.dispatches.map((d: { role: string; status: string }) => [d.role, d.status]), [['lead', 'returned'], ['sub', 'withdrawn']]);
      assert.ok((await clockRows(caseId)).every((k) => k.stopped_at));
      assert.equal((await list('grid-worker', 'todo')).some((r) => r.caseId === caseId), false);
      await refused('grid-worker', caseId, 'reply_lead', { reply: '晚了' }, 409, 'ACTION_NOT_ALLOWED_IN_STATE');
      assert.deepEqual((await compareRollupsWithEvents(ctx.database)).differences, []);
      const audit = await verifyAudit(ctx.database);
      assert.deepEqual(audit.findings, []);
    });
  });
}
