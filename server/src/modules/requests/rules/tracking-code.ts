import { normaliseCode, randomCode } from '../../../platform/crockford.js';

/** 80 random bits as 16 characters in groups of four: "7K2M-9QXD-4HAB-ZP3W". */
export function newTrackingCode(): string {
  return randomCode(16);
}

/** Accepts what people type: lower case, spaces, missing dashes, O for 0, I/L for 1. */
export function normaliseTrackingCode(input: string): string | null {
  return normaliseCode(input, 16);
}
