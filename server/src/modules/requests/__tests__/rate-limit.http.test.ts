import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../../test/test-context.js';
import { optionsFromEnv } from '../../../server.js';

const submit = (ctx: TestContext, ip: string, forwardedFor?: string) =>
  ctx.app.inject({
    method: 'POST', url: '/api/public/requests', remoteAddress: ip,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { content: '噪音扰民', townshipCode: '371302001' },
  });

describe('public intake is rate-limited per client', () => {
  let ctx: TestContext;
  before(async () => (ctx = await createTestContext(null, undefined, { intakeRateLimitPerMinute: 3 })));
  after(async () => ctx?.close());

  test('with a Chinese message', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await submit(ctx, '10.0.0.1')).statusCode, 201);
    const limited = await submit(ctx, '10.0.0.1');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'RATE_LIMITED');
    assert.match(limited.json().error.message, /频繁/);
    assert.equal((await submit(ctx, '10.0.0.2')).statusCode, 201, 'another client is not affected');
  });

  // Defect 5 of the hardening review: X-Forwarded-For was always believed, so a client
  // changing the header every time was never limited.
  test('a client cannot escape the limit by writing another address into X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await submit(ctx, '10.0.0.3', `203.0.113.${i}`)).statusCode);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
  });
});

describe('behind a proxy the operator names', () => {
  let ctx: TestContext;
  before(async () => (ctx = await createTestContext(null, undefined, { intakeRateLimitPerMinute: 2, trustedProxies: ['10.8.0.0/24'] })));
  after(async () => ctx?.close());

  test('the proxy’s X-Forwarded-For names the client; anyone else’s is ignored', async () => {
    // Two citizens behind the proxy each have their own allowance.
    for (const citizen of ['198.51.100.1', '198.51.100.2']) {
      assert.equal((await submit(ctx, '10.8.0.5', citizen)).statusCode, 201);
      assert.equal((await submit(ctx, '10.8.0.5', citizen)).statusCode, 201);
      assert.equal((await submit(ctx, '10.8.0.5', citizen)).statusCode, 429);
    }
    // A client outside the named proxies is counted by its own address, whatever it claims.
    assert.equal((await submit(ctx, '192.0.2.7', '198.51.100.3')).statusCode, 201);
    assert.equal((await submit(ctx, '192.0.2.7', '198.51.100.4')).statusCode, 201);
    assert.equal((await submit(ctx, '192.0.2.7', '198.51.100.5')).statusCode, 429);
  });
});

test('the server listens on this machine only unless told otherwise, and trusts no proxy by default', () => {
  const options = optionsFromEnv({});
  assert.equal(options.host, '127.0.0.1');
  assert.deepEqual(options.trustedProxies, []);
  const exposed = optionsFromEnv({ HOST: '0.0.0.0', FAZHI_TRUSTED_PROXIES: '10.0.0.10, 10.1.0.0/16' });
  assert.equal(exposed.host, '0.0.0.0');
  assert.deepEqual(exposed.trustedProxies, ['10.0.0.10', '10.1.0.0/16']);
});
