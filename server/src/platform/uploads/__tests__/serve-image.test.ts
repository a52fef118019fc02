import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedImageHeaders } from '../serve-image.js';

test('a stored image is shown inline under its exact type and a plain name, never sniffed', () => {
  const png = storedImageHeaders('image/png', 'photo-0b6c');
  assert.equal(png['content-type'], 'image/png');
  assert.equal(png['content-disposition'], 'inline; filename="photo-0b6c.png"');
  assert.equal(png['x-content-type-options'], 'nosniff');
  assert.match(png['content-security-policy']!, /^default-src 'none';.*sandbox$/);
  // Quotes, slashes, line breaks and non-ASCII cannot reach the header.
  assert.equal(storedImageHeaders('image/jpeg', '"a/b\r\n照片.html')['content-disposition'], 'inline; filename="_a_b_____html.jpg"');
  const other = storedImageHeaders('text/html', 'x');
  assert.deepEqual([other['content-type'], other['content-disposition']], ['application/octet-stream', 'attachment; filename="x"']);
});
