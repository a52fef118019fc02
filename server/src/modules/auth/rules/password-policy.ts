import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export interface PasswordRules {
  minLength: number;
  minCharacterClasses: number;
}

export type PasswordProblem = 'too_short' | 'too_simple' | 'contains_username' | 'common' | 'same_as_before';

let weak: { stems: Set<string>; exact: Set<string> } | undefined;
function weakPasswords() {
  if (!weak) {
    const file = JSON.parse(readFileSync(repoPath('server/src/modules/auth/data/weak-passwords.json'), 'utf8')) as { stems: string[]; exact: string[] };
    weak = { stems: new Set(file.stems.map((s) => s.toLowerCase())), exact: new Set(file.exact.map((s) => s.toLowerCase())) };
  }
  return weak;
}

/** Lower, upper, digit, anything else (punctuation, CJK…). */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** What is wrong with a new password, or null. Pure: the caller compares it with the old one. */
export function passwordProblem(password: string, username: string, rules: PasswordRules): PasswordProblem | null {
  if ([...password].length < rules.minLength) return 'too_short';
  if (characterClasses(password) < rules.minCharacterClasses) return 'too_simple';
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  const list = weakPasswords();
  // "Password2026!" is "password" with decoration: strip digits and symbols at both ends.
  const stem = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (list.exact.has(lower) || list.stems.has(stem) || stem.length === 0) return 'common';
  return null;
}
