import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { errorCatalogue } from '../../src/platform/errors/app-error.js';
import { platformError } from '../../src/platform/errors/platform-errors.js';
import { installErrorHandling } from '../../src/platform/http/error-handler.js';
import { fuzzRoutes, type Caller } from './fuzz-routes.js';
import type { RouteSpec } from './routes.js';
import type { JsonSchema } from './schema-arbitrary.js';

// The harness itself must catch each kind of fault it claims to, on an app that has one of each.
test('the fuzz finds a 5xx, a refusal that wrote, a misshapen error and a cookie let write', async () => {
  const app = Fastify();
  installErrorHandling(app);
  let rows = 0;
  app.post('/write-then-refuse', { schema: { body: { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 0 } } } } }, async (request) => {
    rows++;
    if ((request.body as { n: number }).n > 5) throw platformError('VALIDATION_FAILED');
    return { ok: true };
  });
  app.get('/crash', { schema: { querystring: { type: 'object', properties: { q: { type: 'string' } } } } }, async (request) => {
    if ((request.query as { q?: string }).q?.includes('\\')) throw new Error('unexpected');
    return { ok: true };
  });
  app.get('/english-error', async (_request, reply) => reply.code(404).send({ error: { code: 'NOPE', message: 'not here', details: null } }));
  app.post('/ignores-csrf', async () => ({ ok: true }));
  const object = { type: 'object', properties: {} };
  const route = (method: string, path: string, body: JsonSchema | null = null, query: JsonSchema | null = null): RouteSpec => ({ method, path, params: object, query, body });
  const callers: Caller[] = [
    { name: 'anonymous', headers: () => ({}) },
    { name: 'cookie', headers: () => ({ cookie: 'fazhi_session=x' }), refusedOnWrites: true },
  ];
  const report = await fuzzRoutes({
    app,
    routes: [
      route('POST', '/write-then-refuse', { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 0 } } }),
      route('GET', '/crash', null, { type: 'object', properties: { q: { type: 'string' } } }),
      route('GET', '/english-error'),
      route('POST', '/ignores-csrf'),
    ],
    callers,
    fingerprint: async () => new Map([['rows', String(rows)]]),
    errorCodes: errorCatalogue(),
    seconds: 4,
    seed: 1,
  });
  await app.close();
  const found = new Map(report.failures.map((f) => [f.route, f.problem]));
  assert.match(found.get('POST /write-then-refuse') ?? '', /refused, yet it changed rows/);
  assert.match(found.get('GET /crash') ?? '', /answered 500/);
  assert.match(found.get('GET /english-error') ?? '', /not in the error catalogue.*not Chinese/s);
  assert.match(found.get('POST /ignores-csrf') ?? '', /cookie session without its CSRF token/);
  const crash = report.failures.find((f) => f.route === 'GET /crash')!;
  assert.ok(crash.request.length < 200, `shrunk to a short request: ${crash.request}`);
});
