import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O, U, so a code read out on the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as 16 characters in groups of four: "7K2M-9QXD-4HAB-ZP3W". */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what people type: lower case, spaces, missing dashes, O for 0, I/L for 1. */
export function normaliseTrackingCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(clean)) return null;
  return clean.match(/.{4}/g)!.join('-');
}
