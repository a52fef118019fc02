import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { animatedGif, bombPng, exifTags, GPS_IFD_POINTER, isBlue, isRed, noiseImage, phoneJpeg, pixelAt, plainImage, PNG_SIGNATURE } from '../../../../test/test-images.js';
import { AppError } from '../../errors/app-error.js';
import { DEFAULT_IMAGE_POLICY, imagePolicy } from '../image-policy.js';
import { cleanImage } from '../images.js';

const policy = DEFAULT_IMAGE_POLICY;

/** The refusal's code, or a failure if the image was accepted. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `not an AppError: ${String(error)}`);
    return error;
  }
  assert.fail('the image was accepted');
}

describe('cleanImage: what is stored of an uploaded image', () => {
  test('a phone photo is turned upright and stored without EXIF, GPS, XMP or ICC', async () => {
    const photo = await phoneJpeg(800, 600);
    const original = await sharp(photo).metadata();
    assert.equal(original.orientation, 6);
    assert.ok(exifTags(original.exif!).includes(GPS_IFD_POINTER), 'the upload carries a GPS position');

    const stored = await cleanImage(photo, 'image/jpeg', policy);
    assert.equal(stored.mimeType, 'image/jpeg');
    const meta = await sharp(stored.bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.deepEqual([meta.exif, meta.xmp, meta.icc, meta.iptc, meta.orientation], [undefined, undefined, undefined, undefined, undefined]);
    assert.equal(stored.bytes.includes('FazhiPhone'), false);
    // Turned 90° clockwise: 600 wide, 800 high, the sensor's left (red) half now on top.
    assert.deepEqual([meta.width, meta.height, stored.width, stored.height], [600, 800, 600, 800]);
    assert.ok(isRed(await pixelAt(stored.bytes, 300, 100)), 'red on top');
    assert.ok(isBlue(await pixelAt(stored.bytes, 300, 700)), 'blue below');
  });

  test('PNG stays PNG, pixel for pixel; WebP becomes JPEG; a GIF keeps its first frame as PNG', async () => {
    const png = await noiseImage('png', 120, 80);
    const keptPng = await cleanImage(png, 'image/png', policy);
    assert.equal(keptPng.mimeType, 'image/png');
    assert.deepEqual(await sharp(keptPng.bytes).raw().toBuffer(), await sharp(png).raw().toBuffer());

    const webp = await plainImage('webp', 64, 48);
    const fromWebp = await cleanImage(webp, 'image/webp', policy);
    assert.equal(fromWebp.mimeType, 'image/jpeg');
    assert.equal((await sharp(fromWebp.bytes).metadata()).format, 'jpeg');

    const gif = await animatedGif();
    assert.equal((await sharp(gif).metadata()).pages, 2);
    const still = await cleanImage(gif, 'image/gif', policy);
    assert.equal(still.mimeType, 'image/png');
    const meta = await sharp(still.bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.pages], ['png', 32, 32, undefined]);
    assert.ok(isRed(await pixelAt(still.bytes, 16, 16)), 'the first (red) frame');
  });

  test('a screenshot that would grow past the limit as PNG is stored as JPEG', async () => {
    // 256 colours of noise in a palette PNG: one byte a pixel in, three bytes a pixel as RGB.
    const palette = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png({ palette: true, colours: 256, dither: 0 })
      .toBuffer();
    const small = imagePolicy({ maxBytes: palette.length + 1000 });
    const stored = await cleanImage(palette, 'image/png', small);
    assert.equal(stored.mimeType, 'image/jpeg');
    assert.ok(stored.bytes.length <= small.maxBytes);
  });

  test('a large photo is scaled down to the longest edge, keeping its shape', async () => {
    const big = await plainImage('jpeg', 6000, 4000);
    const stored = await cleanImage(big, 'image/jpeg', policy);
    assert.deepEqual([stored.width, stored.height], [4096, 2731]);
    const meta = await sharp(stored.bytes).metadata();
    assert.deepEqual([meta.width, meta.height], [4096, 2731]);
    const edge = await cleanImage(await plainImage('png', 300, 100), 'image/png', imagePolicy({ maxEdge: 150 }));
    assert.deepEqual([edge.width, edge.height], [150, 50]);
    const tiny = await cleanImage(await plainImage('png', 30, 10), 'image/png', policy);
    assert.deepEqual([tiny.width, tiny.height], [30, 10], 'small images are not enlarged');
  });

  test('bytes appended after a valid JPEG (a polyglot with HTML) are not stored', async () => {
    const polyglot = Buffer.concat([await plainImage('jpeg'), Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const stored = await cleanImage(polyglot, 'image/jpeg', policy);
    assert.equal(stored.bytes.includes('<script'), false);
  });

  test('anything that does not decode as JPEG, PNG, WebP or GIF is refused', async () => {
    const jpeg = await phoneJpeg();
    const png = await noiseImage('png', 200, 200);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const refused: Array<[string, Buffer, string]> = [
      ['a PNG header followed by a script', Buffer.concat([PNG_SIGNATURE, Buffer.from('<script>alert(1)</script>')]), 'image/png'],
      ['an SVG declared as SVG', svg, 'image/svg+xml'],
      ['an SVG declared as PNG', svg, 'image/png'],
      ['a GIF/JavaScript polyglot', Buffer.from('GIF89a/*\x00\x00*/=alert(1)//'), 'image/gif'],
      ['a truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'image/jpeg'],
      ['a truncated PNG', png.subarray(0, Math.floor(png.length * 0.6)), 'image/png'],
      ['a TIFF', await plainImage('tiff'), 'image/jpeg'],
      ['a JPEG declared as a PDF', jpeg, 'application/pdf'],
      ['text', Buffer.from('not an image at all'), 'image/png'],
      ['nothing', Buffer.alloc(0), 'image/jpeg'],
    ];
    for (const [what, bytes, declared] of refused) {
      const error = await refusal(cleanImage(bytes, declared, policy));
      assert.equal(error.code, 'PHOTO_NOT_IMAGE', what);
      assert.equal(error.status, 415, what);
      assert.deepEqual(error.details, { field: 'photo' }, what);
    }
    const gifOnly = imagePolicy({ mimeTypes: ['image/gif'] });
    assert.equal((await refusal(cleanImage(jpeg, 'image/gif', gifOnly))).code, 'PHOTO_NOT_IMAGE', 'a format the module does not take');
  });

  test('a decompression bomb is refused from its header, before decoding', async () => {
    const bomb = bombPng(20_000, 20_000);
    assert.ok(bomb.length < 100_000, `${bomb.length} bytes`);
    const started = performance.now();
    const error = await refusal(cleanImage(bomb, 'image/png', policy));
    assert.equal(error.code, 'PHOTO_TOO_MANY_PIXELS');
    assert.equal(error.status, 413);
    assert.equal(error.message, '照片像素过多（不能超过 4000 万像素），请缩小后再上传');
    // Decoding 400 million pixels would take seconds and over a gigabyte.
    assert.ok(performance.now() - started < 2000, 'refused without decoding');
    const strict = await refusal(cleanImage(await plainImage('png', 200, 100), 'image/png', imagePolicy({ maxPixels: 10_000 })));
    assert.equal(strict.code, 'PHOTO_TOO_MANY_PIXELS');
    assert.equal(strict.message, '照片像素过多（不能超过 1 万像素），请缩小后再上传');
  });

  test('an upload over the byte limit is refused before anything is read', async () => {
    const error = await refusal(cleanImage(Buffer.alloc(policy.maxBytes + 1), 'image/jpeg', policy));
    assert.deepEqual([error.code, error.status, error.message], ['PHOTO_TOO_LARGE', 413, '照片不能超过 5 MB']);
    const twoMb = await refusal(cleanImage(Buffer.alloc(2 * 1024 * 1024 + 1), 'image/jpeg', imagePolicy({ maxBytes: 2 * 1024 * 1024 })));
    assert.deepEqual([twoMb.code, twoMb.message, twoMb.details], ['PHOTO_TOO_LARGE', '照片不能超过 2 MB', { field: 'photo', max: 2 * 1024 * 1024 }]);
    const small = await refusal(cleanImage(Buffer.alloc(500 * 1024 + 1), 'image/png', imagePolicy({ maxBytes: 500 * 1024 })));
    assert.deepEqual([small.code, small.message], ['PHOTO_TOO_LARGE', '照片不能超过 500 KB']);
  });

  test('many uploads at once are all processed', async () => {
    const images = await Promise.all(Array.from({ length: 12 }, (_, i) => plainImage(i % 2 ? 'png' : 'jpeg', 40 + i, 30)));
    const stored = await Promise.all(images.map((image, i) => cleanImage(image, i % 2 ? 'image/png' : 'image/jpeg', policy)));
    assert.deepEqual(stored.map((s) => s.width), images.map((_, i) => 40 + i));
  });
});
