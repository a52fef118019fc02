import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import { buildApp } from '../../../app.js';
import type { Database } from '../../db/database.js';
import { installErrorHandling } from '../error-handler.js';
import { healthRoutes } from '../health.js';

for (const backend of testBackends()) {
  describe(`GET /api/health (${backend.name})`, () => {
    test('answers ok and names the database, without sign-in', async () => {
      const { database, drop } = await freshDatabase(backend.url);
      const app = await buildApp({ database, time: { now: () => new Date() }, config: { intakeRateLimitPerMinute: 10, webDist: null, secureCookies: false } });
      try {
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), { status: 'ok', database: backend.url ? 'postgres' : 'pglite' });
        // A stale token from a browser must not turn the check into a failure.
        const stale = await app.inject({ method: 'GET', url: '/api/health', headers: { authorization: 'Bearer no-such-session' } });
        assert.equal(stale.statusCode, 200);
      } finally {
        await app.close();
        await drop();
      }
    });
  });
}

test('GET /api/health answers 503 DATABASE_UNAVAILABLE when the database does not', async () => {
  const down = {
    kind: 'postgres',
    backend: { query: () => Promise.reject(new Error('connect ECONNREFUSED')) },
  } as unknown as Database;
  const app = Fastify();
  installErrorHandling(app);
  await healthRoutes(app, { database: down });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'DATABASE_UNAVAILABLE');
    assert.match(res.json().error.message, /数据库/);
  } finally {
    await app.close();
  }
});
