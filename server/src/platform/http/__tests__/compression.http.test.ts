import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestContext, type TestContext } from '../../../../test/test-context.js';
import { chooseEncoding } from '../compression.js';

const SCRIPT = `console.log(${JSON.stringify('接诉即办'.repeat(400))});`;
const SHELL = `<!doctype html><html lang="zh-CN"><head><title>12345</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;

describe('responses are compressed, and built files cached by their hash', () => {
  let ctx: TestContext;
  let web: string;
  before(async () => {
    // A stand-in for web/dist as the build leaves it: hashed assets with their .br and .gz beside them.
    web = mkdtempSync(join(tmpdir(), 'fazhi-web-'));
    mkdirSync(join(web, 'assets'));
    const write = (path: string, text: string) => {
      writeFileSync(join(web, path), text);
      writeFileSync(join(web, `${path}.br`), brotliCompressSync(Buffer.from(text)));
      writeFileSync(join(web, `${path}.gz`), gzipSync(Buffer.from(text)));
    };
    write('index.html', SHELL);
    write('assets/index-Ab12Cd34.js', SCRIPT);
    ctx = await createTestContext(null, undefined, { webDist: web });
  });
  after(async () => {
    await ctx?.close();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    ctx.app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
  const decoded = (res: Awaited<ReturnType<typeof get>>) => {
    const encoding = res.headers['content-encoding'];
    if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString();
    if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString();
    assert.equal(encoding, undefined);
    return res.rawPayload.toString();
  };

  test('a hashed script: brotli or gzip as the browser takes it, cached for a year, unchanged', async () => {
    for (const [accept, encoding] of [['gzip, deflate, br, zstd', 'br'], ['gzip, deflate', 'gzip'], ['br;q=0.5, gzip', 'gzip'], [undefined, undefined], ['identity', undefined]] as const) {
      const res = await get('/assets/index-Ab12Cd34.js', accept);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], encoding, String(accept));
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.match(String(res.headers.vary), /accept-encoding/i);
      assert.match(String(res.headers['content-type']), /javascript/);
      assert.equal(decoded(res), SCRIPT);
      if (encoding) assert.ok(res.rawPayload.length < SCRIPT.length / 4, 'sent much smaller');
    }
  });

  test('the page shell, by its own name or any page address, is checked again on every visit', async () => {
    for (const url of ['/', '/index.html', '/track/ABCD-EFGH-JKMN-PQRS', '/staff/requests/123']) {
      const res = await get(url, 'gzip, br');
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      assert.equal(res.headers['content-encoding'], 'br', url);
      assert.equal(decoded(res), SHELL, url);
    }
  });

  test('API answers are compressed when large enough; small ones and errors stay as they are', async () => {
    const plain = await get('/api/public/meta');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.rawPayload.length > 10_000, 'the reference data is large');
    for (const accept of ['br', 'gzip']) {
      const res = await get('/api/public/meta', accept);
      assert.equal(res.headers['content-encoding'], accept);
      assert.match(String(res.headers.vary), /accept-encoding/i);
      assert.deepEqual(JSON.parse(decoded(res)), plain.json());
      assert.ok(res.rawPayload.length < plain.rawPayload.length / 3, `${accept}: ${res.rawPayload.length} of ${plain.rawPayload.length}`);
    }
    const small = await get('/api/nothing-here', 'br');
    assert.equal(small.statusCode, 404);
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal(small.json().error.code, 'ROUTE_NOT_FOUND');
  });

  test('the encoding a client asks for, by its weights', () => {
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
    assert.equal(chooseEncoding('gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip;q=0.1'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*;q=0'), null);
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding(undefined), null);
    assert.equal(chooseEncoding(''), null);
  });
});
