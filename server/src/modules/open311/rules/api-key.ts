import { randomBytes } from 'node:crypto';

// 32 characters of Crockford's base32: 160 random bits.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'o311_';
const LENGTH = 32;

/** A new API key: `o311_` and 32 random characters. */
export function newApiKey(): string {
  const bytes = randomBytes(LENGTH);
  return PREFIX + [...bytes].map((b) => ALPHABET[b & 31]).join('');
}

/** The key as issued, or null when the text cannot be one (so no lookup is made for it). */
export function normaliseApiKey(text: string): string | null {
  const key = text.trim();
  return key.length === PREFIX.length + LENGTH && key.startsWith(PREFIX) && /^[0-9A-HJKMNP-TV-Z]+$/.test(key.slice(PREFIX.length)) ? key : null;
}

/** What an administrator sees of a key: enough to tell it from others, not enough to use it. */
export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX.length + 4);
}
