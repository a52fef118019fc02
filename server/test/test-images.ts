import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

// Images for the upload tests, made on the spot: no binary fixtures in the repository.

const RED = { r: 220, g: 20, b: 20 };
const BLUE = { r: 20, g: 20, b: 220 };

/**
 * A phone photo as cameras save it: the sensor's landscape pixels (left half red, right half
 * blue) with EXIF orientation 6 ("turn 90° clockwise to show"), a camera make and a GPS position.
 */
export async function phoneJpeg(width = 800, height = 600): Promise<Buffer> {
  const left = await sharp({ create: { width: width / 2, height, channels: 3, background: RED } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: BLUE } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'FazhiPhone', Model: 'Test 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 3/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '118/1 20/1 30/1' },
    })
    .toBuffer();
}

/** An image of one colour in the given format. */
export function plainImage(format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff', width = 64, height = 48, colour = RED): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).toFormat(format).toBuffer();
}

/** Random pixels, which no encoder can make small: stands in for a detailed camera photo. */
export function noiseImage(format: 'jpeg' | 'png', width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).toFormat(format).toBuffer();
}

/** Two frames, red then blue: an animated GIF. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (colour: typeof RED) => sharp({ create: { width: 32, height: 32, channels: 3, background: colour } }).png().toBuffer();
  return sharp([await frame(RED), await frame(BLUE)], { join: { animated: true } }).gif().toBuffer();
}

/**
 * A valid PNG of one colour with the given size, one bit per pixel: 20000 × 20000 is 400 million
 * pixels (1.2 GB decoded as RGB) in about 50 KB. A decompression bomb.
 */
export function bombPng(width = 20_000, height = 20_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth; colour type 0 (grey), no interlace
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The tags of EXIF's first directory (IFD0), read from sharp's `metadata().exif`; 0x8825 points to the GPS data. */
export function exifTags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + i * 12));
}

export const GPS_IFD_POINTER = 0x8825;

/** The colour of the pixel at (x, y). */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
}

/** Whether a colour is clearly red (true) or clearly blue (false), allowing for JPEG's losses. */
export const isRed = (c: { r: number; b: number }) => c.r > 150 && c.b < 100;
export const isBlue = (c: { r: number; b: number }) => c.b > 150 && c.r < 100;
