import { normaliseCode, randomCode } from '../../../platform/crockford.js';

/** Most wrong keys one case accepts before online rating stops for it. */
export const MAX_KEY_FAILURES = 10;

/**
 * 40 random bits as "7K2M-9QXD". With the case's code already known to staff, a key is what
 * tells the requester apart; ten tries of 2^40 leave a guesser no chance.
 */
export function newRequesterKey(): string {
  return randomCode(8);
}

/** What people type: lower case, spaces, no dash, O for 0, I/L for 1. */
export function normaliseRequesterKey(input: string): string | null {
  return normaliseCode(input, 8);
}
