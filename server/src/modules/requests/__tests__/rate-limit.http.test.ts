import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../../test/test-context.js';

let ctx: TestContext;
before(async () => (ctx = await createTestContext(null, undefined, { intakeRateLimitPerMinute: 3 })));
after(async () => ctx?.close());

test('public intake is rate-limited per client, with a Chinese message', async () => {
  const submit = (ip: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/public/requests', remoteAddress: ip, payload: { content: '噪音扰民', townshipCode: '371302001' } });
  for (let i = 0; i < 3; i++) assert.equal((await submit('10.0.0.1')).statusCode, 201);
  const limited = await submit('10.0.0.1');
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'RATE_LIMITED');
  assert.match(limited.json().error.message, /频繁/);
  assert.equal((await submit('10.0.0.2')).statusCode, 201, 'another client is not affected');
});
