import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { createTestContext, type TestContext } from '../../../../test/test-context.js';
import { plainImage } from '../../../../test/test-images.js';
import { installSecurityHeaders } from '../security-headers.js';

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The headers every response carries, whatever it is. */
function assertSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
  assert.equal(res.headers['x-frame-options'], 'DENY', what);
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', what);
  assert.equal(res.headers['x-powered-by'], undefined, what);
  assert.equal(res.headers['strict-transport-security'], undefined, `${what}: no HSTS over plain HTTP`);
  assert.ok(res.headers['content-security-policy'], what);
}

describe('security headers on every response', () => {
  let ctx: TestContext;
  let web: string;
  before(async () => {
    // A stand-in for the built pages: what matters is that the shell is served through the app.
    web = mkdtempSync(join(tmpdir(), 'fazhi-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>12345</title><div id="root"></div>');
    writeFileSync(join(web, 'app.js'), 'console.log(1)');
    ctx = await createTestContext(null, undefined, { webDist: web });
  });
  after(async () => {
    await ctx?.close();
    rmSync(web, { recursive: true, force: true });
  });

  test('API answers, errors, pages, files and the shell of any page address', async () => {
    const responses: Array<[string, LightMyRequestResponse]> = [
      ['an API answer', await ctx.app.inject({ url: '/api/public/meta' })],
      ['an API error', await ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content: ' ', townshipCode: '371302001' } })],
      ['an unknown API address', await ctx.app.inject({ url: '/api/nothing-here' })],
      ['a page address (the web shell)', await ctx.app.inject({ url: '/staff/requests/123' })],
      ['the root page', await ctx.app.inject({ url: '/' })],
      ['a script of the pages', await ctx.app.inject({ url: '/app.js' })],
    ];
    for (const [what, res] of responses) {
      assertSecurityHeaders(res, what);
      assert.equal(res.headers['content-security-policy'], EXPECTED_CSP.join(';'), what);
    }
    assert.match(String(responses[3]![1].headers['content-type']), /^text\/html/);
    assert.equal(responses[3]![1].statusCode, 200);
  });

  test('a staff photo: its exact type, inline, nosniff, and a policy of its own', async () => {
    const photo = (await plainImage('png', 40, 30)).toString('base64');
    const created = await ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content: '路灯不亮', townshipCode: '371302001', photo: { mimeType: 'image/png', dataBase64: photo } } });
    assert.equal(created.statusCode, 201, created.body);
    const [[caseId]] = (await ctx.database.backend.query('select case_id from hotline_requests where tracking_code = $1', [created.json().trackingCode], 'array')).rows as [[string]];
    const staff = await ctx.as('dispatcher');
    const { attachments } = (await ctx.app.inject({ url: `/api/requests/${caseId}`, headers: staff })).json();
    const res = await ctx.app.inject({ url: attachments[0].url, headers: staff });
    assert.equal(res.statusCode, 200);
    assertSecurityHeaders(res, 'an attachment');
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.headers['content-disposition'], `inline; filename="photo-${attachments[0].id}.png"`);
    assert.equal(res.headers['content-security-policy'], "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
  });

  test('the API reference still gets its pages under the same policy', async () => {
    const page = await ctx.app.inject({ url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
    assertSecurityHeaders(page, 'Swagger UI');
    assert.doesNotMatch(page.body, /<script>|<script [^>]*>[^<\s]/, 'no inline script the policy would block');
    const bundle = await ctx.app.inject({ url: '/api/docs/static/swagger-ui-bundle.js' });
    assert.equal(bundle.statusCode, 200);
    assertSecurityHeaders(bundle, 'Swagger UI script');
  });
});

test('behind HTTPS: HSTS, and requests upgraded', async () => {
  const app = Fastify();
  installSecurityHeaders(app, { https: true });
  app.get('/x', async () => ({ ok: true }));
  try {
    const res = await app.inject({ url: '/x' });
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
    assert.match(String(res.headers['content-security-policy']), /;upgrade-insecure-requests$/);
  } finally {
    await app.close();
  }
});
