import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../../../../test/test-context.js';
import { buildApp } from '../../../app.js';

/** A raw GET: inject() resolves dot segments as a browser would, an attacker's client does not. */
function rawGet(app: FastifyInstance, path: string): Promise<{ status: number; body: string }> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const assertShaped = (status: number, body: string, code: string, where: string) => {
  const parsed = JSON.parse(body);
  assert.equal(parsed.error?.code, code, `${where}: ${body}`);
  assert.match(parsed.error.message, /[\u4e00-\u9fa5]/, where);
  assert.ok('details' in parsed.error, where);
  assert.ok(status >= 400 && status < 500, `${where}: ${status}`);
};

describe('requests the framework or a plugin refuses get our error shape, never 500', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  before(async () => {
    const fresh = await freshDatabase(null);
    drop = fresh.drop;
    app = await buildApp({ database: fresh.database, time: { now: () => new Date() }, config: { intakeRateLimitPerMinute: 10, webDist: null, secureCookies: false } });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app?.close();
    await drop?.();
  });

  // @fastify/static refuses these with a 403 FastifyError that the handler used to call INTERNAL.
  test('path traversal under the API reference answers 404', async () => {
    for (const path of ['/api/docs/static/%2e%2e/x', '/api/docs/static/../x', '/api/docs/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await rawGet(app, path);
      assert.equal(res.status, 404, `${path}: ${res.body}`);
      assertShaped(res.status, res.body, 'ROUTE_NOT_FOUND', path);
    }
    for (const url of ['/api/docs/static/..%5cpackage.json', '/api/docs/static/%5c..%5c..%5cx', '/api/docs/static/x/..%5c..%5c..%5cetc%5cpasswd']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
      assertShaped(res.statusCode, res.body, 'ROUTE_NOT_FOUND', url);
    }
    assert.equal((await app.inject({ url: '/api/docs/static/index.css' })).statusCode, 200, 'the real files are still served');
  });

  // Fastify's router answers these before any hook or error handler runs.
  test('a malformed address or an overlong path parameter is bad input', async () => {
    for (const url of ['/api/public/requests/%ff', '/api/docs/static/%E4%B8', `/api/public/requests/${'A'.repeat(150)}`]) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assertShaped(res.statusCode, res.body, 'VALIDATION_FAILED', url);
    }
  });
});
