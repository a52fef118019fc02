import { randomBytes } from 'node:crypto';

// Crockford's base32, as tracking codes use: read out or typed from an SMS without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Most wrong keys one case accepts before online rating stops for it. */
export const MAX_KEY_FAILURES = 10;

/**
 * 40 random bits as "7K2M-9QXD". With the case's code already known to staff, a key is what
 * tells the requester apart; ten tries of 2^40 leave a guesser no chance.
 */
export function newRequesterKey(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What people type: lower case, spaces, no dash, O for 0, I/L for 1. */
export function normaliseRequesterKey(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(clean)) return null;
  return `${clean.slice(0, 4)}-${clean.slice(4)}`;
}
