import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, TEST_PASSWORD, testBackends, type TestContext } from '../../../../test/test-context.js';
import { verifySecurityLog } from '../../../platform/security-log/security-log.js';
import { hashPassword } from '../index.js';

// What a county's IT office asks before going live (等保 2.0 level 3): accounts an administrator
// creates must choose their own password first, passwords follow a policy, idle sessions end,
// a person can sign out everywhere, and every one of these acts is in the security log.

const STRONG = 'Lanshan#Hotline-88';

for (const backend of testBackends()) {
  describe(`accounts and sessions on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => (ctx = await createTestContext(backend.url)));
    after(async () => ctx?.close());

    const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.7.0.1', payload: { username, password } });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const admin = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>, user = 'admin') =>
      ctx.app.inject({ method, url, headers: await ctx.as(user), ...(payload ? { payload } : {}) });

    test('an account an administrator creates must set its own password before anything else', async () => {
      const housing = ctx.org.departmentIds.get('housing')!;
      const created = await admin('POST', '/api/admin/users', { username: 'zhang.wei', displayName: '张伟', role: 'handler', unitId: housing });
      assert.equal(created.statusCode, 201, created.body);
      const { temporaryPassword } = created.json();
      assert.equal(temporaryPassword.length, 14);
      const first = await login('zhang.wei', temporaryPassword);
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().mustChangePassword, true);
      const token = first.json().token;
      const blocked = await ctx.app.inject({ url: '/api/requests', headers: bearer(token) });
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
      assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: bearer(token) })).json().user.mustChangePassword, true);

      const change = (currentPassword: string, newPassword: string) =>
        ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(token), payload: { currentPassword, newPassword } });
      for (const weak of ['short1A!', 'alllowercaseletters', 'Zhang.wei-2026!', 'Password2026!', 'Fazhi@2026']) {
        const res = await change(temporaryPassword, weak);
        assert.equal(res.statusCode, 400, weak);
        assert.equal(res.json().error.code, 'PASSWORD_TOO_WEAK', weak);
      }
      assert.equal((await change('not-the-password', STRONG)).json().error.code, 'PASSWORD_WRONG');
      assert.equal((await change(temporaryPassword, STRONG)).statusCode, 200);
      assert.equal((await ctx.app.inject({ url: '/api/requests', headers: bearer(token) })).statusCode, 200, 'the same session now works');
      assert.equal((await login('zhang.wei', temporaryPassword)).statusCode, 401, 'the one-time password is gone');
      assert.equal((await login('zhang.wei', STRONG)).json().mustChangePassword, false);
    });

    test('outside the demo a known or weak password works only to replace it; in the demo it is fine', async () => {
      await ctx.database.backend.query('update users set password_hash = $1 where username = $2', [await hashPassword('Fazhi@2026'), 'supervisor'], 'object');
      assert.equal((await login('supervisor', 'Fazhi@2026')).json().mustChangePassword, true);
      const demo = await createTestContext(backend.url, undefined, { demo: true });
      try {
        await demo.database.backend.query('update users set password_hash = $1 where username = $2', [await hashPassword('Fazhi@2026'), 'supervisor'], 'object');
        const res = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: 'Fazhi@2026' } });
        assert.equal(res.json().mustChangePassword, false);
      } finally {
        await demo.close();
      }
    });

    test('a session idle longer than 30 minutes ends; one in use lives on', async () => {
      const busy = (await login('dispatcher', TEST_PASSWORD)).json().token;
      const idle = (await login('dispatcher', TEST_PASSWORD)).json().token;
      for (let i = 0; i < 3; i++) {
        ctx.time.advance(20 * 60_000);
        assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: bearer(busy) })).statusCode, 200);
      }
      assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: bearer(idle) })).statusCode, 401);
    });

    test('changing the password or signing out everywhere ends the other sessions', async () => {
      const a = (await login('town', TEST_PASSWORD)).json().token;
      const b = (await login('town', TEST_PASSWORD)).json().token;
      const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(a) });
      assert.equal(out.json().sessionsEnded, 2);
      for (const token of [a, b]) assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: bearer(token) })).statusCode, 401);
    });

    test('an administrator of a township manages only its accounts; disabling ends the sessions', async () => {
      const townId = [...ctx.org.townshipIds.values()][0]!;
      const created = await admin('POST', '/api/admin/users', { username: 'town-admin', displayName: '乡镇管理员', role: 'admin', unitId: townId });
      const temp = created.json().temporaryPassword;
      const token = (await login('town-admin', temp)).json().token;
      await ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(token), payload: { currentPassword: temp, newPassword: STRONG } });
      const townAdmin = bearer((await login('town-admin', STRONG)).json().token);
      const listed = (await ctx.app.inject({ url: '/api/admin/users', headers: townAdmin })).json().users.map((u: { username: string }) => u.username).sort();
      assert.deepEqual(listed, ['town', 'town-admin']);
      const housingUser = (await admin('GET', '/api/admin/users')).json().users.find((u: { username: string }) => u.username === 'housing');
      const outside = await ctx.app.inject({ method: 'POST', url: `/api/admin/users/${housingUser.id}/disable`, headers: townAdmin });
      assert.equal(outside.statusCode, 404);
      const elsewhere = await ctx.app.inject({ method: 'POST', url: '/api/admin/users', headers: townAdmin, payload: { username: 'x-dept', displayName: 'x', role: 'handler', unitId: ctx.org.departmentIds.get('housing')! } });
      assert.equal(elsewhere.json().error.code, 'USER_UNIT_OUT_OF_SCOPE');

      const townUser = (await admin('GET', '/api/admin/users')).json().users.find((u: { username: string }) => u.username === 'town');
      const session = (await login('town', TEST_PASSWORD)).json().token;
      assert.equal((await ctx.app.inject({ method: 'POST', url: `/api/admin/users/${townUser.id}/disable`, headers: townAdmin })).statusCode, 200);
      assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: bearer(session) })).statusCode, 401);
      assert.equal((await login('town', TEST_PASSWORD)).statusCode, 401);
      assert.equal((await ctx.app.inject({ method: 'POST', url: `/api/admin/users/${townUser.id}/enable`, headers: townAdmin })).statusCode, 200);
      assert.equal((await login('town', TEST_PASSWORD)).statusCode, 200);
      // Its log shows the township's accounts, not the county's.
      const log = (await ctx.app.inject({ url: '/api/admin/security-events?pageSize=200', headers: townAdmin })).json();
      assert.ok(log.items.every((e: { username: string }) => e.username === 'town' || e.username === 'town-admin'));
      assert.ok(log.items.some((e: { kind: string }) => e.kind === 'user_disabled'));
    });

    test('the security log verifies, and names an entry edited or removed behind the platform’s back', async () => {
      assert.deepEqual((await verifySecurityLog(ctx.database)).problems, []);
      const { rows } = await ctx.database.backend.query(`select seq from security_events where kind = 'user_created' order by seq limit 1`, [], 'array');
      const seq = Number((rows[0] as [number])[0]);
      await ctx.database.backend.query(`update security_events set details = jsonb_set(details, '{role}', '"admin"') where seq = $1`, [seq], 'object');
      assert.deepEqual((await verifySecurityLog(ctx.database)).problems, [{ seq, reason: 'entry_edited' }]);
      await ctx.database.backend.query('delete from security_events where seq = $1', [seq], 'object');
      assert.deepEqual((await verifySecurityLog(ctx.database)).problems, [{ seq, reason: 'entry_missing' }]);
    });
  });
}
