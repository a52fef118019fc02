import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { maskPhone } from '../rules/mask-phone.js';

// The county administrator points the platform at its SMS gateway in a page: endpoint, 签名,
// template ids, a token that is written and never read back, a test message. Every save and
// test is logged, without the token and with the number masked.

const TOKEN = 'gw-secret-7f3a9c1e';

interface Received {
  authorization: string | undefined;
  body: { phone: string; text: string; signName?: string; templateId?: string; params?: Record<string, string> };
}

function gatewayStub(): Promise<{ server: Server; url: string; received: Received[]; status: { code: number } }> {
  const received: Received[] = [];
  const status = { code: 200 };
  const server = createServer((request: IncomingMessage, response) => {
    let data = '';
    request.on('data', (chunk) => (data += chunk));
    request.on('end', () => {
      received.push({ authorization: request.headers.authorization, body: JSON.parse(data) });
      response.writeHead(status.code, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received, status })));
}

test('a phone number in the log shows its first three and last four digits', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
});

for (const backend of testBackends()) {
  describe(`SMS gateway settings on ${backend.name}`, () => {
    let ctx: TestContext;
    let gateway: Awaited<ReturnType<typeof gatewayStub>>;
    const call = async (user: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: await ctx.as(user), ...(payload === undefined ? {} : { payload: payload as object }) });

    before(async () => {
      ctx = await createTestContext(backend.url);
      gateway = await gatewayStub();
    });
    after(async () => {
      await ctx?.close();
      gateway?.server.close();
    });

    test('until saved, messages go through the gateway the server was started with', async () => {
      const settings = (await call('admin', 'GET', '/api/admin/sms')).json();
      assert.equal(settings.settings.saved, false);
      assert.equal(settings.environmentGateway, true);
      const created = await call('operator', 'POST', '/api/requests', { content: '路灯不亮。', phone: '13900001111' });
      assert.equal(created.statusCode, 201);
      assert.equal(ctx.sms.sent.at(-1)?.phone, '13900001111');
      assert.equal(ctx.sms.sent.at(-1)?.template?.name, 'receipt');
    });

    test('saved settings: the token is kept encrypted and never returned; a test message reaches the gateway', async () => {
      const saved = await call('admin', 'PUT', '/api/admin/sms', { enabled: true, endpoint: gateway.url, signName: '兰山政务热线', templates: { receipt: 'SMS_100001', test: 'SMS_100009' }, token: TOKEN });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().settings.hasToken, true);
      const read = await call('admin', 'GET', '/api/admin/sms');
      assert.ok(!read.body.includes(TOKEN), 'the page never gets the token');
      const stored = (await ctx.database.backend.query('select token_cipher from sms_settings', [], 'array')).rows[0] as [string];
      assert.ok(stored[0] && !stored[0].includes(TOKEN), 'stored encrypted');

      const tested = await call('admin', 'POST', '/api/admin/sms/test', { phone: '138 1234 5678' });
      assert.equal(tested.statusCode, 200, tested.body);
      assert.deepEqual(tested.json(), { delivered: true, gatewayStatus: 200, problem: null });
      const message = gateway.received.at(-1)!;
      assert.equal(message.authorization, `Bearer ${TOKEN}`);
      assert.equal(message.body.phone, '13812345678');
      assert.equal(message.body.signName, '兰山政务热线');
      assert.equal(message.body.templateId, 'SMS_100009');
      assert.match(message.body.text, /^【兰山政务热线】这是一条测试短信/);

      const log = (await ctx.database.backend.query(`select kind, details::text as details from security_events where kind like 'sms%' order by seq`, [], 'object')).rows as Array<{ kind: string; details: string }>;
      assert.deepEqual(log.map((e) => e.kind), ['sms_settings_changed', 'sms_test_sent']);
      assert.ok(log.every((e) => !e.details.includes(TOKEN)), 'the log holds no token');
      assert.ok(log[1]!.details.includes('138****5678') && !log[1]!.details.includes('13812345678'), 'the number masked');
      assert.ok(JSON.parse(log[0]!.details).tokenChanged);
    });

    test('a citizen’s receipt goes through the saved gateway, under the county’s 签名 and template', async () => {
      const before = ctx.sms.sent.length;
      const created = await call('operator', 'POST', '/api/requests', { content: '小区门口井盖丢了。', phone: '13900002222' });
      assert.equal(created.statusCode, 201);
      for (let i = 0; i < 50 && !gateway.received.some((r) => r.body.phone === '13900002222'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      const receipt = gateway.received.find((r) => r.body.phone === '13900002222')!;
      assert.ok(receipt, 'the gateway received the receipt');
      assert.equal(receipt.body.templateId, 'SMS_100001');
      assert.equal(receipt.body.params?.trackingCode, created.json().trackingCode);
      assert.match(receipt.body.text, /^【兰山政务热线】您的诉求已受理/);
      assert.equal(ctx.sms.sent.length, before, 'not the server’s own gateway any more');
    });

    test('the token stays when omitted, goes when null; a failing gateway is reported, not an error', async () => {
      const base = { enabled: true, endpoint: gateway.url, signName: '兰山政务热线', templates: {} };
      await call('admin', 'PUT', '/api/admin/sms', base);
      await call('admin', 'POST', '/api/admin/sms/test', { phone: '13812345678' });
      assert.equal(gateway.received.at(-1)!.authorization, `Bearer ${TOKEN}`, 'kept');
      gateway.status.code = 500;
      const failing = await call('admin', 'POST', '/api/admin/sms/test', { phone: '13812345678' });
      assert.equal(failing.statusCode, 200);
      assert.deepEqual(failing.json(), { delivered: false, gatewayStatus: 500, problem: 'HTTP 500' });
      gateway.status.code = 200;
      await call('admin', 'PUT', '/api/admin/sms', { ...base, token: null });
      await call('admin', 'POST', '/api/admin/sms/test', { phone: '13812345678' });
      assert.equal(gateway.received.at(-1)!.authorization, undefined, 'removed');
    });

    test('switched off: nothing is sent, and a test is refused', async () => {
      await call('admin', 'PUT', '/api/admin/sms', { enabled: false, endpoint: gateway.url, signName: null, templates: {} });
      const count = gateway.received.length;
      const sent = ctx.sms.sent.length;
      await call('operator', 'POST', '/api/requests', { content: '路边垃圾没人清。', phone: '13900003333' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(gateway.received.length, count);
      assert.equal(ctx.sms.sent.length, sent, 'nor through the server’s own gateway: the county switched messages off');
      const refused = await call('admin', 'POST', '/api/admin/sms/test', { phone: '13812345678' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'SMS_NOT_ENABLED');
    });

    test('refusals: bad input, a township’s administrator, others', async () => {
      const bad: Array<[unknown, string]> = [
        [{ enabled: true, endpoint: null, signName: null, templates: {} }, 'SMS_ENDPOINT_REQUIRED'],
        [{ enabled: true, endpoint: 'ftp://gateway', signName: null, templates: {} }, 'VALIDATION_FAILED'],
        [{ enabled: true, endpoint: gateway.url, signName: '【签名】', templates: {} }, 'VALIDATION_FAILED'],
        [{ enabled: true, endpoint: gateway.url, signName: null, templates: { other: 'x' } }, 'VALIDATION_FAILED'],
      ];
      for (const [payload, code] of bad) assert.equal((await call('admin', 'PUT', '/api/admin/sms', payload)).json().error.code, code);
      assert.equal((await call('admin', 'POST', '/api/admin/sms/test', { phone: '0539-1234567' })).json().error.code, 'SMS_PHONE_INVALID');
      assert.equal((await call('dispatcher', 'GET', '/api/admin/sms')).statusCode, 403);
      const town = [...ctx.org.townshipIds.values()][0]!;
      const created = (await call('admin', 'POST', '/api/admin/users', { username: 'town-admin', displayName: '镇管理员', role: 'admin', unitId: town })).json();
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', created.id], 'object');
      assert.equal((await call('town-admin', 'GET', '/api/admin/sms')).json().error.code, 'COUNTY_ADMIN_ONLY');
    });
  });
}
