import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { AppError } from '../errors/app-error.js';
import type { ImagePolicy } from './image-policy.js';
import { uploadError } from './uploads.errors.js';
import { uploadsStrings as s } from './uploads.strings.js';

/** An uploaded image as it is stored: decoded, turned upright, scaled, re-encoded without metadata. */
export interface CleanImage {
  mimeType: 'image/jpeg' | 'image/png';
  bytes: Buffer;
  width: number;
  height: number;
}

// The formats we decode, by their first bytes. Only these reach libvips, so its SVG, PDF,
// TIFF, HEIF … loaders never see a citizen's upload; the decode below is the real check.
const FORMATS: Array<{ format: string; mimeType: string; magic: (b: Buffer) => boolean }> = [
  { format: 'jpeg', mimeType: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { format: 'png', mimeType: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { format: 'gif', mimeType: 'image/gif', magic: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { format: 'webp', mimeType: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

const JPEG_QUALITY = 85;

/**
 * Turns an upload into an image safe to store and show, or refuses it with PHOTO_TOO_LARGE,
 * PHOTO_NOT_IMAGE or PHOTO_TOO_MANY_PIXELS. Nothing of the original bytes survives: the
 * pixels are decoded and encoded anew, so EXIF (GPS), XMP, ICC, comments and anything
 * appended after the image are gone.
 */
export async function cleanImage(bytes: Buffer, declaredType: string, policy: ImagePolicy, field = 'photo'): Promise<CleanImage> {
  if (bytes.length > policy.maxBytes) throw uploadError('PHOTO_TOO_LARGE', { field, max: policy.maxBytes }, s.tooLarge(policy.maxBytes));
  const format = FORMATS.find((f) => f.magic(bytes));
  if (!format || !policy.mimeTypes.includes(declaredType) || !policy.mimeTypes.includes(format.mimeType)) throw notImage(field);
  return decoding.run(() => decodeAndEncode(bytes, format.format, policy, field));
}

async function decodeAndEncode(bytes: Buffer, format: string, policy: ImagePolicy, field: string): Promise<CleanImage> {
  try {
    // The header alone: its dimensions decide before a single pixel is decoded.
    const header = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (header.format !== format || !header.width || !header.height) throw notImage(field);
    if (header.width * header.height > policy.maxPixels) {
      throw uploadError('PHOTO_TOO_MANY_PIXELS', { field, max: policy.maxPixels }, s.tooManyPixels(policy.maxPixels));
    }
    // 'error' refuses truncated and corrupt pixel data but not libjpeg's warnings, which some
    // phones' ordinary photos raise; pages: 1 keeps an animation's first frame.
    const upright = sharp(bytes, { failOn: 'error', limitInputPixels: policy.maxPixels, pages: 1 })
      .timeout({ seconds: policy.timeoutSeconds })
      .autoOrient()
      .resize({ width: policy.maxEdge, height: policy.maxEdge, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb');
    // Screenshots (PNG, GIF) stay lossless so their text stays sharp, unless that would be
    // larger than the upload limit (a camera photo saved as PNG): then it becomes a JPEG too.
    if (format === 'png' || format === 'gif') {
      const png = await upright.clone().png().toBuffer({ resolveWithObject: true });
      if (png.data.length <= policy.maxBytes) return { mimeType: 'image/png', bytes: png.data, width: png.info.width, height: png.info.height };
    }
    const jpeg = await upright.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY }).toBuffer({ resolveWithObject: true });
    return { mimeType: 'image/jpeg', bytes: jpeg.data, width: jpeg.info.width, height: jpeg.info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // libvips could not read it (corrupt, truncated, or too slow to decode).
    throw notImage(field);
  }
}

function notImage(field: string): AppError {
  return uploadError('PHOTO_NOT_IMAGE', { field });
}

/**
 * At most this many images are decoded at once: each may hold a whole frame in memory, and
 * libvips works on libuv's thread pool, which file reads and password hashing share.
 */
class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const decoding = new Gate(Math.min(4, availableParallelism()));
