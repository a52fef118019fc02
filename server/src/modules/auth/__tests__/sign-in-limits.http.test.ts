import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, TEST_PASSWORD, testBackends, type TestContext } from '../../../../test/test-context.js';

// Defect 4 of the hardening review: 506 wrong passwords in 15 s were all answered. Now a few
// failures slow an account (and a client) down, more lock it for a while, the right password
// is refused during the lock, every failure and lock is in the security log, and an
// administrator can lift the lock.

for (const backend of testBackends()) {
  describe(`sign-in limits on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => (ctx = await createTestContext(backend.url)));
    after(async () => ctx?.close());

    const login = (username: string, password: string, client: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: client, payload: { username, password } });
    const log = async (username: string) => {
      const res = await ctx.app.inject({ url: `/api/admin/security-events?username=${username}&pageSize=200`, headers: await ctx.as('admin') });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as Array<{ kind: string; client: string; details: Record<string, unknown> }>).reverse();
    };

    test('an account is slowed after three failures and locked after six; the right password is refused while locked', async () => {
      const client = '10.9.0.1';
      for (let i = 0; i < 3; i++) {
        const res = await login('housing', 'wrong-password', client);
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.details.attemptsLeft, 5 - i);
        ctx.time.advance(1000);
      }
      const hurried = await login('housing', 'wrong-password', client);
      assert.equal(hurried.statusCode, 429);
      assert.equal(hurried.json().error.code, 'LOGIN_TOO_FAST');
      assert.equal(hurried.json().error.details.retryAfterSeconds, 1, 'two seconds after the third failure, one has passed');
      // Patient tries are checked, each waiting a little longer.
      for (const wait of [2, 4, 8]) {
        ctx.time.advance(wait * 1000);
        const res = await login('housing', 'wrong-password', client);
        // The sixth failure starts the lock and says so, with its end.
        if (wait === 8) assert.equal(res.json().error.code, 'ACCOUNT_LOCKED');
        else assert.equal(res.statusCode, 401);
      }
      ctx.time.advance(60_000);
      const locked = await login('housing', TEST_PASSWORD, client);
      assert.equal(locked.statusCode, 423, locked.body);
      assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
      assert.match(locked.json().error.message, /锁定/);
      // Another client does not open a locked account either.
      assert.equal((await login('housing', TEST_PASSWORD, '10.9.0.99')).json().error.code, 'ACCOUNT_LOCKED');

      const kinds = (await log('housing')).map((e) => e.kind);
      assert.equal(kinds.filter((k) => k === 'login_failed').length, 6);
      assert.equal(kinds.filter((k) => k === 'account_locked').length, 1);
      assert.equal(kinds.filter((k) => k === 'login_refused').length, 2, 'both refusals during the lock are logged');

      // The lock runs out by itself.
      ctx.time.advance(31 * 60_000);
      assert.equal((await login('housing', TEST_PASSWORD, client)).statusCode, 200);
    });

    test('an administrator lifts a lock; the lift is logged', async () => {
      const client = '10.9.0.2';
      for (let i = 0; i < 6; i++) {
        await login('housing-leader', 'wrong', client);
        ctx.time.advance(20_000);
      }
      assert.equal((await login('housing-leader', TEST_PASSWORD, client)).json().error.code, 'ACCOUNT_LOCKED');
      const users = (await ctx.app.inject({ url: '/api/admin/users', headers: await ctx.as('admin') })).json().users as Array<{ id: number; username: string; lockedUntil: string | null }>;
      const target = users.find((u) => u.username === 'housing-leader')!;
      assert.ok(target.lockedUntil, 'the list shows the lock');
      // Only administrators unlock.
      assert.equal((await ctx.app.inject({ method: 'POST', url: `/api/admin/users/${target.id}/unlock`, headers: await ctx.as('dispatcher') })).statusCode, 403);
      assert.equal((await ctx.app.inject({ method: 'POST', url: `/api/admin/users/${target.id}/unlock`, headers: await ctx.as('admin') })).statusCode, 200);
      assert.equal((await login('housing-leader', TEST_PASSWORD, client)).statusCode, 200);
      assert.ok((await log('housing-leader')).some((e) => e.kind === 'account_unlocked'));
    });

    test('a burst of wrong passwords is answered, but almost none is checked, and the client is stopped across accounts', async () => {
      const client = '10.9.0.3';
      const names = ['operator', 'dispatcher', 'supervisor', 'town', 'other-dept', 'leader'];
      const statuses: number[] = [];
      for (let i = 0; i < 500; i++) {
        statuses.push((await login(names[i % names.length]!, `guess-${i}`, client)).statusCode);
        ctx.time.advance(30); // 500 tries in 15 s
      }
      const checked = statuses.filter((s) => s === 401).length;
      assert.ok(checked <= 30, `${checked} of 500 guesses were checked against a password`);
      assert.ok(statuses.every((s) => s === 401 || s === 429 || s === 423), 'every try is answered, none with an error');
      // A patient attacker who waits out each delay, spreading guesses over many names, is locked out.
      let code = '';
      for (let i = 0; i < 100 && code !== 'CLIENT_LOCKED'; i++) {
        const res = await login(`someone-${i}`, 'guess', client);
        code = res.json().error.code;
        ctx.time.advance(code === 'LOGIN_TOO_FAST' ? res.json().error.details.retryAfterSeconds * 1000 : 100);
      }
      assert.equal(code, 'CLIENT_LOCKED');
      // Even a right password from that client is refused; from elsewhere it works.
      assert.equal((await login('operator', TEST_PASSWORD, client)).json().error.code, 'CLIENT_LOCKED');
      assert.equal((await login('operator', TEST_PASSWORD, '10.9.0.4')).statusCode, 200);
      const locks = await ctx.app.inject({ url: '/api/admin/security-events?kind=client_locked', headers: await ctx.as('admin') });
      assert.ok(locks.json().items.some((e: { client: string }) => e.client === client), 'the client lock is logged with its address');
      // An administrator of the whole county sees the address locked and lifts the lock.
      const listed = await ctx.app.inject({ url: '/api/admin/sign-in-locks', headers: await ctx.as('admin') });
      assert.ok(listed.json().clients.some((c: { address: string }) => c.address === client));
      const lifted = await ctx.app.inject({ method: 'POST', url: '/api/admin/sign-in-locks/unlock', headers: await ctx.as('admin'), payload: { address: client } });
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal((await login('operator', TEST_PASSWORD, client)).statusCode, 200);
    });

    test('unknown accounts are slowed and locked the same way, so the answers tell nothing', async () => {
      const client = '10.9.0.5';
      const codes: string[] = [];
      for (let i = 0; i < 7; i++) {
        codes.push((await login('no-such-person', 'x', client)).json().error.code);
        ctx.time.advance(20_000);
      }
      assert.deepEqual(codes, ['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    });
  });
}
