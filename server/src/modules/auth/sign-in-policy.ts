import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';
import type { PasswordRules } from './rules/password-policy.js';
import type { ThrottleRules } from './rules/throttle.js';

export interface SignInPolicy {
  source: string;
  account: ThrottleRules;
  client: ThrottleRules;
  password: PasswordRules & { maxAgeDays: number };
  session: { idleMinutes: number; absoluteHours: number };
}

let policy: SignInPolicy | undefined;

/** data/sign-in-policy.json, with the session's idle limit overridable (FAZHI_SESSION_IDLE_MINUTES). */
export function signInPolicy(): SignInPolicy {
  if (!policy) {
    const file = JSON.parse(readFileSync(repoPath('server/src/modules/auth/data/sign-in-policy.json'), 'utf8')) as SignInPolicy;
    const idle = Number(process.env.FAZHI_SESSION_IDLE_MINUTES);
    policy = Number.isFinite(idle) && idle > 0 ? { ...file, session: { ...file.session, idleMinutes: idle } } : file;
  }
  return policy;
}
