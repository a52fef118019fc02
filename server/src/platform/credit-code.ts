// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V,
// Z), the last a check character over the first seventeen with fixed weights, modulo 31.
// Shared by every module that records an organisation (行政复议's applicants, 行政执法's objects).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper-cases and trims a code as typed; no other repair, a wrong character stays wrong. */
export function normaliseCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character for the first seventeen characters, or null when one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = ALPHABET.indexOf(first17[i]!);
    if (digit < 0) return null;
    sum += digit * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Is this a well-formed 统一社会信用代码 with the right check character? */
export function isValidCreditCode(code: string): boolean {
  const value = normaliseCreditCode(code);
  if (value.length !== 18) return false;
  const check = creditCodeCheckCharacter(value.slice(0, 17));
  return check !== null && value[17] === check;
}
