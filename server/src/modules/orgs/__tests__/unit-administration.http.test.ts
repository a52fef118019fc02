import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { verifyAudit } from '../../cases/index.js';
import { compareRollupsWithEvents } from '../../metrics/index.js';

// A county administrator keeps the unit tree as the county changes: a new 社区, a renamed one,
// a community moved to another township, two departments merged. Every change is in the security
// log; a township's administrator changes only its own subtree; scope and open work follow.

const LEAF = '011003'; // 物业服务 → housing

for (const backend of testBackends()) {
  describe(`unit administration on ${backend.name}`, () => {
    let ctx: TestContext;
    let townA: number;
    let townB: number;
    let townACode: string;
    let townBCode: string;
    let housing: number;
    let market: number;

    const call = async (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: await ctx.as(user), ...(payload === undefined ? {} : { payload: payload as object }) });
    const ok = async (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
      const res = await call(user, method, url, payload);
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const refused = async (user: string, method: 'POST' | 'PATCH', url: string, payload: unknown, status: number, code: string) => {
      const res = await call(user, method, url, payload);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code);
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
    };
    const account = async (username: string, role: string, unitId: number, scopeUnitId?: number) => {
      const created = await ok('admin', 'POST', '/api/admin/users', { username, displayName: username, role, unitId, ...(scopeUnitId ? { scopeUnitId } : {}) });
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', created.id], 'object');
      return created.id as number;
    };
    const lastEntry = async (kind: string) =>
      (await ctx.database.backend.query('select actor_user_id, details from security_events where kind = $1 order by seq desc limit 1', [kind], 'object')).rows[0] as { actor_user_id: number; details: any } | undefined;
    const submitAndDispatch = async (unitId: number, content: string) => {
      const created = await ok('operator', 'POST', '/api/requests', { content, townshipCode: townACode, requestType: '投诉', categoryCode: LEAF });
      await ok('dispatcher', 'POST', `/api/requests/${created.caseId}/actions/dispatch`, { unitId });
      return created.caseId as string;
    };

    before(async () => {
      ctx = await createTestContext(backend.url);
      const towns = [...ctx.org.townshipIds.entries()];
      [townACode, townA] = towns[0]!;
      [townBCode, townB] = towns[1]!;
      housing = ctx.org.departmentIds.get('housing')!;
      market = ctx.org.departmentIds.get('market')!;
      await account('town-admin', 'admin', townA);
    });
    after(async () => ctx?.close());

    test('a new 社区 under its township, with its region code, is offered at intake at once and logged', async () => {
      const code = `${townACode}999`;
      const created = await ok('admin', 'POST', '/api/admin/units', { parentId: townA, name: '幸福里社区', kind: 'community', regionCode: code });
      const meta = await ctx.app.inject({ url: '/api/public/meta' });
      const township = meta.json().townships.find((t: { code: string }) => t.code === townACode);
      assert.ok(township.villages.some((v: { code: string; name: string }) => v.code === code && v.name === '幸福里社区'), 'intake offers the new community');
      const listed = await ok('admin', 'GET', '/api/admin/units');
      assert.ok(listed.units.some((u: { id: number; parentId: number; kind: string }) => u.id === created.id && u.parentId === townA && u.kind === 'community'));
      const entry = await lastEntry('unit_created');
      assert.equal(entry?.details.unitId, created.id);
      assert.equal(entry?.details.after.regionCode, code);

      await refused('admin', 'POST', '/api/admin/units', { parentId: townA, name: '幸福里社区', kind: 'community' }, 409, 'UNIT_NAME_TAKEN');
      await refused('admin', 'POST', '/api/admin/units', { parentId: townA, name: '新社区', kind: 'community', regionCode: `${townBCode}998` }, 400, 'UNIT_REGION_INVALID');
      await refused('admin', 'POST', '/api/admin/units', { parentId: townB, name: '重号社区', kind: 'community', regionCode: code }, 400, 'UNIT_REGION_INVALID');
      await refused('admin', 'POST', '/api/admin/units', { parentId: housing, name: '某社区', kind: 'community' }, 400, 'UNIT_PARENT_KIND');
      await refused('admin', 'POST', '/api/admin/units', { parentId: ctx.org.governmentId, name: '第二热线', kind: 'center' }, 400, 'UNIT_KIND_NOT_ADDABLE');
      await refused('dispatcher', 'POST', '/api/admin/units', { parentId: townA, name: '某社区', kind: 'community' }, 403, 'FORBIDDEN');
    });

    test('a township’s administrator works in its own subtree only', async () => {
      const own = (await ok('town-admin', 'GET', '/api/admin/units')).units as Array<{ id: number; kind: string; parentId: number }>;
      assert.ok(own.every((u) => u.id === townA || u.parentId !== null), 'its tree starts at the township');
      assert.ok(!own.some((u) => u.id === housing), 'no department of the county');
      const inA = own.find((u) => u.kind === 'community')!;
      await ok('town-admin', 'PATCH', `/api/admin/units/${inA.id}`, { shortName: '一社区' });
      await refused('town-admin', 'PATCH', `/api/admin/units/${housing}`, { name: '改名局' }, 404, 'UNIT_NOT_FOUND');
      await refused('town-admin', 'PATCH', `/api/admin/units/${townA}`, { name: '改名镇' }, 409, 'UNIT_IS_SCOPE_ROOT');
      await refused('town-admin', 'POST', `/api/admin/units/${inA.id}/move`, { parentId: townB }, 404, 'UNIT_NOT_FOUND');
      await refused('town-admin', 'POST', '/api/admin/units', { parentId: townB, name: '越界社区', kind: 'community' }, 404, 'UNIT_NOT_FOUND');
      await refused('town-admin', 'PATCH', '/api/admin/categories/011003', { name: '物业' }, 403, 'COUNTY_ADMIN_ONLY');
      // The township's administrator reads the changes to its units in the security log, not the county's.
      const log = await ok('town-admin', 'GET', '/api/admin/security-events?kind=unit_renamed');
      assert.ok(log.items.some((e: { details: { unitId: number } }) => e.details.unitId === inA.id));
      // The county's new community under this township is its business; the county's accounts and settings are not.
      const created = await ok('town-admin', 'GET', '/api/admin/security-events?kind=unit_created');
      assert.deepEqual(created.items.map((e: { details: { after: { name: string } } }) => e.details.after.name), ['幸福里社区']);
      assert.equal((await ok('town-admin', 'GET', '/api/admin/security-events?kind=user_created')).items.filter((e: { username: string }) => e.username !== 'town-admin').length, 0);
    });

    test('a renamed community renames its place at intake; the old name stays nowhere', async () => {
      const [code, id] = [...ctx.org.communityIds.entries()].find(([c]) => c.startsWith(townBCode))!;
      await ok('admin', 'PATCH', `/api/admin/units/${id}`, { name: '新名字社区' });
      const meta = await ctx.app.inject({ url: '/api/public/meta' });
      const village = meta.json().townships.flatMap((t: { villages: Array<{ code: string; name: string }> }) => t.villages).find((v: { code: string }) => v.code === code);
      assert.equal(village.name, '新名字社区');
      const entry = await lastEntry('unit_renamed');
      assert.equal(entry?.details.after.name, '新名字社区');
      assert.equal(entry?.details.regionRenamed, code);
      await refused('admin', 'PATCH', `/api/admin/units/${id}`, { name: '新名字社区' }, 400, 'UNIT_UNCHANGED');
    });

    test('a community moved to another township takes its cases and its people’s scope along', async () => {
      const [code, community] = [...ctx.org.communityIds.entries()].find(([c]) => c.startsWith(townACode))!;
      await account('community-worker', 'handler', community);
      await account('town-b-leader', 'unit_leader', townB);
      // The center sends the case to township A, which sends it on to its community (下派).
      const caseId = await submitAndDispatch(townA, '小区楼道灯坏了半个月，社区一直没有来修。');
      await ok('town', 'POST', `/api/requests/${caseId}/actions/sign`, {});
      await ok('town', 'POST', `/api/requests/${caseId}/actions/dispatch_down`, { unitIds: [community], note: '请社区到现场查看。' });
      const sees = async (user: string) => (await call(user, 'GET', `/api/requests/${caseId}`)).statusCode === 200;
      assert.equal(await sees('town'), true, 'township A sees its community’s case');
      assert.equal(await sees('community-worker'), true);
      assert.equal(await sees('town-b-leader'), false);

      await refused('admin', 'POST', `/api/admin/units/${community}/move`, { parentId: townB }, 400, 'UNIT_REGION_INVALID');
      await refused('admin', 'POST', `/api/admin/units/${townA}/move`, { parentId: community }, 400, 'UNIT_MOVE_INTO_SELF');
      await refused('admin', 'POST', `/api/admin/units/${community}/move`, { parentId: housing }, 400, 'UNIT_PARENT_KIND');
      const newCode = `${townBCode}777`;
      await ok('admin', 'POST', `/api/admin/units/${community}/move`, { parentId: townB, regionCode: newCode });

      assert.equal(await sees('town'), true, 'township A still leads the case it sent on');
      assert.equal(await sees('town-b-leader'), true, 'township B sees what its new community works on');
      assert.equal(await sees('community-worker'), true, 'the community’s own people still do');
      // The community's people work on: sign the dispatch that was theirs before the move.
      await ok('community-worker', 'POST', `/api/requests/${caseId}/actions/sign`, {});
      const units = (await ok('admin', 'GET', '/api/admin/units')).units as Array<{ id: number; parentId: number; regionCode: string | null }>;
      const moved = units.find((u) => u.id === community)!;
      assert.equal(moved.parentId, townB);
      assert.equal(moved.regionCode, newCode);
      const paths = (await ctx.database.backend.query('select path from units where id = $1 or parent_id = $1 order by id', [community], 'array')).rows as Array<[string]>;
      const townBPath = ((await ctx.database.backend.query('select path from units where id = $1', [townB], 'array')).rows[0] as [string])[0];
      assert.ok(paths.every(([p]) => p.startsWith(`${townBPath}${community}/`)), 'the whole subtree follows');
      const entry = await lastEntry('unit_moved');
      assert.deepEqual(entry?.details.before, { parentId: townA, regionCode: code });
      assert.equal(entry?.details.after.parentId, townB);
      assert.equal(entry?.details.scopedAccounts, 1);
      // Township A's administrator reads the move away of its community.
      const log = await ok('town-admin', 'GET', '/api/admin/security-events?kind=unit_moved');
      assert.equal(log.total, 1);
    });

    test('two departments merged: people, grants and open work move; the merged one stays as history', async () => {
      const worker = await account('market-worker', 'handler', market);
      const scoped = await account('market-leader', 'unit_leader', ctx.org.governmentId, market);
      await ok('admin', 'PUT', `/api/admin/users/${worker}/grants`, { grants: [{ role: 'xzfy.respondent', unitId: market }] });
      const marketSession = await ctx.as('market-worker');
      const open = await submitAndDispatch(market, '超市卖过期酸奶，要求查处。');
      const signed = await submitAndDispatch(market, '菜市场电子秤缺斤短两，请市场监管部门查处。');
      await ok('market-worker', 'POST', `/api/requests/${signed}/actions/sign`, {});
      const answered = await submitAndDispatch(market, '药店价格标签不清楚。');
      await ok('market-worker', 'POST', `/api/requests/${answered}/actions/sign`, {});
      await ok('market-worker', 'POST', `/api/requests/${answered}/actions/contact`, { note: '已电话联系' });
      await ok('market-worker', 'POST', `/api/requests/${answered}/actions/reply`, { reply: '已责令药店规范明码标价。' });
      await ctx.database.backend.query(`update hotline_categories set default_unit_id = $1 where code = '040201'`, [market], 'object');
      const owned = ((await ctx.database.backend.query('select code from hotline_categories where default_unit_id = $1 order by code', [market], 'array')).rows as Array<[string]>).map(([c]) => c);

      await refused('admin', 'POST', `/api/admin/units/${market}/merge`, { intoUnitId: townB }, 400, 'UNIT_MERGE_KIND');
      await refused('admin', 'POST', `/api/admin/units/${market}/merge`, { intoUnitId: market }, 400, 'UNIT_MERGE_INTO_SELF');
      await refused('town-admin', 'POST', `/api/admin/units/${market}/merge`, { intoUnitId: housing }, 404, 'UNIT_NOT_FOUND');
      const result = await ok('admin', 'POST', `/api/admin/units/${market}/merge`, { intoUnitId: housing });
      assert.equal(result.hotline.requestsHandedOver, 2, 'the pending and the signed one; the answered one stays the market’s');
      assert.ok(owned.includes('040201'));
      assert.deepEqual(result.hotline.categoriesOwned, owned, 'the categories it owned are the survivor’s');
      assert.equal(((await ctx.database.backend.query('select count(*)::int from hotline_categories where default_unit_id = $1', [market], 'array')).rows[0] as [number])[0], 0);

      // The person works at the survivor now, signed in again.
      assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: marketSession })).statusCode, 401, 'sessions ended');
      const me = await ok('market-worker', 'GET', '/api/auth/me');
      assert.equal(me.user.unitId, housing);
      assert.equal((await ok('admin', 'GET', '/api/admin/users')).users.find((u: { id: number }) => u.id === scoped).scopeUnitId, housing);
      const grants = (await ok('admin', 'GET', `/api/admin/users/${worker}/grants`)).grants as Array<{ role: string; unitId: number }>;
      assert.deepEqual(grants.map((g) => g.unitId).sort(), [market, housing].sort(), 'granted for the survivor, and kept for the merged organ’s open cases');

      // The open work is the survivor's, on the limits it had.
      await ok('housing', 'POST', `/api/requests/${open}/actions/sign`, {});
      await ok('housing', 'POST', `/api/requests/${signed}/actions/contact`, { note: '已联系' });
      const detail = await ok('housing', 'GET', `/api/requests/${signed}`);
      assert.ok(JSON.stringify(detail).includes('hand_over') || JSON.stringify(detail).includes('单位合并移交'), 'the hand-over is in the record');
      // The answered one stays with the market bureau in the record, seen by the survivor's people.
      assert.equal((await call('housing', 'GET', `/api/requests/${answered}`)).statusCode, 200);
      const repliedBy = (await ctx.database.backend.query('select replied_by_unit_id from hotline_requests where case_id = $1', [answered], 'array')).rows[0] as [number];
      assert.equal(repliedBy[0], market);

      // History: listed as merged under the survivor; no new work goes to it.
      const listed = (await ok('admin', 'GET', '/api/admin/units')).units.find((u: { id: number }) => u.id === market);
      assert.equal(listed.mergedIntoId, housing);
      assert.equal(listed.parentId, housing);
      assert.ok(!(await ok('dispatcher', 'GET', '/api/units')).units.some((u: { id: number }) => u.id === market), 'pickers no longer offer it');
      const another = await ok('operator', 'POST', '/api/requests', { content: '又一家超市卖过期食品。', townshipCode: townACode, requestType: '投诉', categoryCode: LEAF });
      const offered = (await ok('dispatcher', 'GET', `/api/requests/${another.caseId}`)).availableActions.find((a: { action: string }) => a.action === 'dispatch');
      assert.ok(offered.fields.find((f: { name: string }) => f.name === 'unitId').options.length > 0);
      assert.ok(!offered.fields.find((f: { name: string }) => f.name === 'unitId').options.some((o: { value: number }) => o.value === market), 'the dispatch form does not offer it');
      const refusedDispatch = await call('dispatcher', 'POST', `/api/requests/${another.caseId}/actions/dispatch`, { unitId: market });
      assert.equal(refusedDispatch.json().error.code, 'UNIT_NOT_OFFERED');
      await refused('admin', 'PATCH', `/api/admin/units/${market}`, { name: '再改名' }, 409, 'UNIT_MERGED');

      const entry = await lastEntry('unit_merged');
      assert.equal(entry?.details.into.unitId, housing);
      assert.equal(entry?.details.accounts, 1);
      assert.equal(entry?.details.duties.dutyItemsMoved >= 0, true);

      // The record and the figures agree with what happened.
      const audit = await verifyAudit(ctx.database);
      assert.deepEqual(audit.findings, []);
      const figures = await compareRollupsWithEvents(ctx.database);
      assert.deepEqual(figures.differences, []);
    });
  });
}
