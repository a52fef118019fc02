// 公民身份号码 (GB 11643-1999): six digits of the place of first registration, the birth date as
// YYYYMMDD, a three-digit order number, and a check character: the seventeen digits weighted
// by 2^(18−i) mod 11, summed, taken modulo 11, and read from '10X98765432'.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Trims and upper-cases a number as typed (a lower-case x). */
export function normaliseIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for seventeen digits, or null when they are not seventeen digits. */
export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The birth date a number carries (YYYY-MM-DD) when it is a real calendar day, else null. */
export function idNumberBirthDate(value: string): string | null {
  const number = normaliseIdNumber(value);
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(number);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * Is this an 18-character 居民身份证 number with its own check character and a real birth date,
 * not after `today` (YYYY-MM-DD) when given?
 */
export function isValidIdNumber(value: string, today?: string): boolean {
  const number = normaliseIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(number)) return false;
  if (idNumberCheckCharacter(number.slice(0, 17)) !== number[17]) return false;
  const born = idNumberBirthDate(number);
  return born !== null && born >= '1900-01-01' && (today === undefined || born <= today);
}

/** What staff are shown: the place code and the last four characters, the birth date hidden. */
export function maskIdNumber(value: string): string {
  const number = normaliseIdNumber(value);
  return `${number.slice(0, 6)}********${number.slice(-4)}`;
}
