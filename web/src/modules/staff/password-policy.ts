// The server's own policy and list of weak passwords, so the page checks what the server checks.
import policy from '../../../../server/src/modules/auth/data/sign-in-policy.json';
import weak from '../../../../server/src/modules/auth/data/weak-passwords.json';
import { staffStrings as s } from './strings';

export type PasswordRule = 'too_short' | 'too_simple' | 'contains_username' | 'common';

export const PASSWORD_RULES: readonly PasswordRule[] = ['too_short', 'too_simple', 'contains_username', 'common'];

const { minLength, minCharacterClasses } = policy.password;

/** Each rule in the server's words. */
export function ruleText(rule: PasswordRule): string {
  if (rule === 'too_short') return s.password.rules.too_short(minLength);
  if (rule === 'too_simple') return s.password.rules.too_simple(minCharacterClasses);
  return s.password.rules[rule];
}

/** Lower, upper, digit, anything else, as the server counts them. */
function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

const stems = new Set(weak.stems.map((w) => w.toLowerCase()));
const exact = new Set(weak.exact.map((w) => w.toLowerCase()));

/** Which rules a new password breaks, as auth/rules/password-policy.ts decides (the server has the last word). */
export function brokenRules(password: string, username: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if ([...password].length < minLength) broken.push('too_short');
  if (characterClasses(password) < minCharacterClasses) broken.push('too_simple');
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) broken.push('contains_username');
  // "Password2026!" is "password" with decoration.
  const stem = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (exact.has(lower) || stems.has(stem) || stem.length === 0) broken.push('common');
  return broken;
}
