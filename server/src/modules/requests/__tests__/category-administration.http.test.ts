import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../../app.js';
import { createTestContext, testBackends, TEST_PASSWORD, type TestContext } from '../../../../test/test-context.js';

// The county administrator keeps the request taxonomy: a category renamed, given to another
// owner or to the township of the place, its clock changed, a new one added. New requests use a
// change at once on this app server and, on another one, once its copy is older than its limit.

const LEAF = '011003'; // 物业服务 → housing, rx12345.general

for (const backend of testBackends()) {
  describe(`category administration on ${backend.name}`, () => {
    let ctx: TestContext;
    let township: string;

    const call = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: await ctx.as(user), ...(payload === undefined ? {} : { payload: payload as object }) });
    const ok = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
      const res = await call(user, method, url, payload);
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const leafOf = (meta: { categories: Array<{ code: string; name: string; children?: unknown[] }> }, code: string) => {
      const walk = (nodes: Array<{ code: string; name: string; children?: unknown[] }>): { code: string; name: string } | undefined =>
        nodes.map((n) => (n.code === code ? n : walk((n.children ?? []) as typeof nodes))).find(Boolean);
      return walk(meta.categories);
    };

    before(async () => {
      ctx = await createTestContext(backend.url);
      township = [...ctx.org.townshipIds.keys()][0]!;
      const townId = ctx.org.townshipIds.get(township)!;
      const created = await ok('admin', 'POST', '/api/admin/users', { username: 'town-admin', displayName: '镇管理员', role: 'admin', unitId: townId });
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', created.id], 'object');
    });
    after(async () => ctx?.close());

    test('the page lists every category with its owner and clock, and the 12345 rules to choose from', async () => {
      const list = await ok('admin', 'GET', '/api/admin/categories');
      const leaf = list.categories.find((c: { code: string }) => c.code === LEAF);
      assert.equal(leaf.defaultUnitId, ctx.org.departmentIds.get('housing'));
      assert.equal(leaf.defaultUnitName, '兰山区住房和城乡建设局');
      assert.equal(leaf.clockRule, 'rx12345.general');
      assert.deepEqual(list.clockRules.map((r: { id: string }) => r.id).sort(), ['rx12345.complex', 'rx12345.general', 'rx12345.urgent', 'rx12345.utility']);
      assert.match(list.clockRules.find((r: { id: string }) => r.id === 'rx12345.general').label, /^5个工作日（潍坊市12345政务服务便民热线条例第20条）$/);
      assert.equal((await call('dispatcher', 'GET', '/api/admin/categories')).statusCode, 403);
    });

    test('renamed: intake shows the new name at once, and the log keeps both', async () => {
      await ok('admin', 'PATCH', `/api/admin/categories/${LEAF}`, { name: '物业管理服务' });
      assert.equal(leafOf((await ctx.app.inject({ url: '/api/public/meta' })).json(), LEAF)?.name, '物业管理服务');
      const [entry] = (await ctx.database.backend.query(`select details from security_events where kind = 'category_updated' order by seq desc limit 1`, [], 'array')).rows as Array<[{ before: unknown; after: unknown }]>;
      assert.deepEqual(entry![0].before, { name: '物业服务' });
      assert.deepEqual(entry![0].after, { name: '物业管理服务' });
    });

    test('given to the township of the place: a submission without a place is refused, and dispatch suggests the township', async () => {
      const payload = { content: '小区物业不作为，楼道堆满杂物。', requestType: '投诉', categoryCode: LEAF };
      assert.equal((await call('operator', 'POST', '/api/requests', payload)).statusCode, 201, 'a department owns it: no place needed');
      await ok('admin', 'PATCH', `/api/admin/categories/${LEAF}`, { defaultUnitId: null });
      const refused = await call('operator', 'POST', '/api/requests', payload);
      assert.equal(refused.json().error.code, 'PLACE_REQUIRED');
      const placed = await ok('operator', 'POST', '/api/requests', { ...payload, townshipCode: township });
      const suggestion = await ok('dispatcher', 'GET', `/api/requests/${placed.caseId}/suggestions`);
      assert.ok(suggestion.units.some((u: { unitId: number }) => u.unitId === ctx.org.townshipIds.get(township)), 'the township of the place is suggested');
      await ok('admin', 'PATCH', `/api/admin/categories/${LEAF}`, { defaultUnitId: ctx.org.departmentIds.get('housing') });
    });

    test('a new clock rule limits what is dispatched from then on', async () => {
      await ok('admin', 'PATCH', `/api/admin/categories/${LEAF}`, { clockRule: 'rx12345.utility' });
      const created = await ok('operator', 'POST', '/api/requests', { content: '小区停水一天了，物业说不清原因。', townshipCode: township, requestType: '求助', categoryCode: LEAF });
      await ok('dispatcher', 'POST', `/api/requests/${created.caseId}/actions/dispatch`, { unitId: ctx.org.departmentIds.get('housing') });
      const [row] = (await ctx.database.backend.query('select rule_id, due_at from hotline_requests where case_id = $1', [created.caseId], 'object')).rows as Array<{ rule_id: string; due_at: Date }>;
      assert.equal(row!.rule_id, 'rx12345.utility');
      // 24 hours from the dispatch, counted on the clock the test holds.
      assert.equal(new Date(row!.due_at).getTime() - ctx.time.now().getTime(), 24 * 3600_000);
    });

    test('a new category under a level-2 one is numbered after its siblings and offered at intake', async () => {
      const parent = LEAF.slice(0, 4);
      const siblings = ((await ctx.database.backend.query('select code from hotline_categories where parent_code = $1 order by code desc', [parent], 'array')).rows as Array<[string]>).map(([c]) => c);
      const created = await ok('admin', 'POST', '/api/admin/categories', { parentCode: parent, name: '电动车充电', defaultUnitId: null, clockRule: 'rx12345.complex' });
      assert.equal(created.category.code, `${parent}${String(Number(siblings[0]!.slice(4)) + 1).padStart(2, '0')}`);
      assert.equal(created.category.level, 3);
      assert.equal(leafOf((await ctx.app.inject({ url: '/api/public/meta' })).json(), created.category.code)?.name, '电动车充电');
    });

    test('refusals are clear and change nothing', async () => {
      const changes = `select count(*)::int from security_events where kind like 'category%'`;
      const before = (await ctx.database.backend.query(changes, [], 'array')).rows[0];
      const cases: Array<[string, 'PATCH' | 'POST', string, unknown, number, string]> = [
        ['admin', 'PATCH', '/api/admin/categories/999999', { name: '无' }, 400, 'CATEGORY_UNKNOWN'],
        ['admin', 'PATCH', `/api/admin/categories/${LEAF}`, { defaultUnitId: ctx.org.townshipIds.get(township) }, 400, 'CATEGORY_OWNER_INVALID'],
        ['admin', 'PATCH', `/api/admin/categories/${LEAF}`, { clockRule: 'rx12345.nothing' }, 400, 'CLOCK_RULE_INVALID'],
        ['admin', 'PATCH', `/api/admin/categories/${LEAF}`, { name: '物业管理服务' }, 400, 'CATEGORY_UNCHANGED'],
        ['admin', 'PATCH', `/api/admin/categories/${LEAF}`, { name: '物业管理服务', clockRule: 'xzfy.decision' }, 400, 'VALIDATION_FAILED'],
        ['admin', 'POST', '/api/admin/categories', { parentCode: LEAF, name: '第四级' }, 400, 'CATEGORY_PARENT_INVALID'],
        ['admin', 'POST', '/api/admin/categories', { parentCode: LEAF.slice(0, 4), name: '电动车充电' }, 409, 'CATEGORY_NAME_TAKEN'],
        ['town-admin', 'PATCH', `/api/admin/categories/${LEAF}`, { name: '镇里改名' }, 403, 'COUNTY_ADMIN_ONLY'],
        ['dispatcher', 'POST', '/api/admin/categories', { parentCode: '01', name: '新' }, 403, 'FORBIDDEN'],
      ];
      for (const [user, method, url, payload, status, code] of cases) {
        const res = await call(user, method, url, payload);
        assert.equal(res.statusCode, status, `${code}: ${res.body}`);
        assert.equal(res.json().error.code, code);
      }
      assert.deepEqual((await ctx.database.backend.query(changes, [], 'array')).rows[0], before, 'no entry for a refusal');
    });

    test('another app server on the same database sees a change within its limit, this one at once', async () => {
      const other = await buildApp({ database: ctx.database, time: ctx.time, config: { intakeRateLimitPerMinute: 10_000, webDist: null, secureCookies: false, referenceMaxAgeMs: 4000 } });
      try {
        const name = async () => leafOf((await other.inject({ url: '/api/public/meta' })).json(), LEAF)?.name;
        // Its copy is fresh from its start.
        assert.equal(await name(), '物业管理服务');
        await ok('admin', 'PATCH', `/api/admin/categories/${LEAF}`, { name: '物业服务与管理' });
        assert.equal(leafOf((await ctx.app.inject({ url: '/api/public/meta' })).json(), LEAF)?.name, '物业服务与管理', 'at once where it was made');
        assert.equal(await name(), '物业管理服务', 'the other server still holds its copy');
        await new Promise((resolve) => setTimeout(resolve, 4100));
        assert.equal(await name(), '物业服务与管理', 'and reads it again once the copy is old');
        // Intake on the other server follows the new owner too.
        await ok('admin', 'PATCH', `/api/admin/categories/${LEAF}`, { defaultUnitId: null });
        await new Promise((resolve) => setTimeout(resolve, 4100));
        const login = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: TEST_PASSWORD } });
        const refused = await other.inject({ method: 'POST', url: '/api/requests', headers: { authorization: `Bearer ${login.json().token}` }, payload: { content: '物业乱收费。', requestType: '投诉', categoryCode: LEAF } });
        assert.equal(refused.json().error?.code, 'PLACE_REQUIRED');
      } finally {
        await other.close();
      }
    });
  });
}
