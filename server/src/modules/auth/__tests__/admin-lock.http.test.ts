import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, TEST_PASSWORD, type TestContext } from '../../../../test/test-context.js';

// An administrator locks an account until a time (the person is away, the password may have
// leaked): its sessions end and the right password is refused until then, or until unlocked.
// Someone without the password learns nothing of the lock.

for (const backend of testBackends()) {
  describe(`an administrator's lock on ${backend.name}`, () => {
    let ctx: TestContext;
    let housingId: number;
    const login = (username: string, password = TEST_PASSWORD) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const admin = async (method: 'GET' | 'POST', url: string, payload?: object, user = 'admin') =>
      ctx.app.inject({ method, url, headers: await ctx.as(user), ...(payload ? { payload } : {}) });
    const listed = async () => (await admin('GET', '/api/admin/users')).json().users.find((u: { username: string }) => u.username === 'housing');

    before(async () => {
      ctx = await createTestContext(backend.url);
      housingId = (await listed()).id;
    });
    after(async () => ctx?.close());

    test('locked: sessions end, the right password is refused with the end, a wrong one says no more than ever', async () => {
      const session = await ctx.as('housing');
      const until = new Date(ctx.time.now().getTime() + 3 * 86_400_000).toISOString();
      const locked = await admin('POST', `/api/admin/users/${housingId}/lock`, { until });
      assert.equal(locked.statusCode, 200, locked.body);
      assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers: session })).statusCode, 401);
      const refused = await login('housing');
      assert.equal(refused.statusCode, 423);
      assert.equal(refused.json().error.code, 'ACCOUNT_LOCKED_BY_ADMIN');
      assert.equal(refused.json().error.details.lockedUntil, until);
      const wrong = await login('housing', 'Not-the-password-1');
      assert.equal(wrong.json().error.code, 'LOGIN_FAILED');
      const row = await listed();
      assert.equal(row.lockedUntil, until);
      assert.equal(row.lockedByAdministrator, true);
      const log = (await ctx.database.backend.query(`select kind, details from security_events where username = 'housing' and kind in ('user_locked', 'login_refused') order by seq`, [], 'object')).rows as Array<{ kind: string; details: any }>;
      assert.deepEqual(log.map((e) => [e.kind, e.details.reason ?? e.details.lockedUntil]), [['user_locked', until], ['login_refused', 'admin_locked']]);
    });

    test('unlocked before its end, the person signs in again', async () => {
      assert.equal((await admin('POST', `/api/admin/users/${housingId}/unlock`)).statusCode, 200);
      assert.equal((await login('housing')).statusCode, 200);
      const row = await listed();
      assert.equal(row.lockedUntil, null);
      assert.equal(row.lockedByAdministrator, false);
      const [entry] = (await ctx.database.backend.query(`select details from security_events where kind = 'account_unlocked' order by seq desc limit 1`, [], 'array')).rows as Array<[{ wasLockedByAdministratorUntil: string }]>;
      assert.ok(entry![0].wasLockedByAdministratorUntil);
    });

    test('a lock runs out by itself', async () => {
      const until = new Date(ctx.time.now().getTime() + 3600_000);
      await admin('POST', `/api/admin/users/${housingId}/lock`, { until: until.toISOString() });
      assert.equal((await login('housing')).statusCode, 423);
      ctx.time.set(new Date(until.getTime() + 1000));
      assert.equal((await login('housing')).statusCode, 200);
    });

    test('refusals: in the past, beyond a year, oneself, out of scope', async () => {
      const now = ctx.time.now().getTime();
      for (const until of [new Date(now - 1000), new Date(now + 400 * 86_400_000)]) {
        const res = await admin('POST', `/api/admin/users/${housingId}/lock`, { until: until.toISOString() });
        assert.equal(res.json().error.code, 'ADMIN_LOCK_INVALID');
      }
      const self = (await admin('GET', '/api/admin/users')).json().users.find((u: { username: string }) => u.username === 'admin');
      assert.equal((await admin('POST', `/api/admin/users/${self.id}/lock`, { until: new Date(now + 3600_000).toISOString() })).json().error.code, 'CANNOT_MANAGE_SELF');
      const town = [...ctx.org.townshipIds.values()][0]!;
      const created = (await admin('POST', '/api/admin/users', { username: 'town-admin', displayName: '镇管理员', role: 'admin', unitId: town })).json();
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', created.id], 'object');
      const outside = await admin('POST', `/api/admin/users/${housingId}/lock`, { until: new Date(now + 3600_000).toISOString() }, 'town-admin');
      assert.equal(outside.json().error.code, 'USER_NOT_FOUND');
    });
  });
}
