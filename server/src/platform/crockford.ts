import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O, U, so a code read out on the phone or typed from an SMS is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` random characters (5 bits each) in groups of four joined by dashes: "7K2M-9QXD". */
export function randomCode(length: number): string {
  const bytes = randomBytes(Math.ceil((length * 5) / 8));
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{1,4}/g)!.join('-');
}

/** Accepts what people type: lower case, spaces, missing dashes, O for 0, I/L for 1; null when it is not such a code. */
export function normaliseCode(input: string, length: number): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== length || !/^[0-9A-HJKMNP-TV-Z]+$/.test(clean)) return null;
  return clean.match(/.{1,4}/g)!.join('-');
}
