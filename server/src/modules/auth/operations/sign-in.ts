import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { findUserByUsername, users } from '../../orgs/index.js';
import { authError } from '../auth.errors.js';
import { signInThrottles } from '../auth.tables.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { passwordProblem } from '../rules/password-policy.js';
import { lockAfter, throttleVerdict, type ThrottleRules, type ThrottleState } from '../rules/throttle.js';
import { signInPolicy } from '../sign-in-policy.js';
import { createSession, type NewSession } from './sessions.js';

export interface SignInAttempt {
  username: string;
  password: string;
  /** The client's address as the server sees it. */
  client: string;
  now: Date;
  /** The demo runs on known passwords; anywhere else a known or weak password must be changed first. */
  demo: boolean;
}

export interface SignInResult extends NewSession {
  userId: number;
  mustChangePassword: boolean;
}

// Verified against when the user does not exist, so response time does not tell.
let dummyHash: Promise<string> | undefined;

type Scope = 'account' | 'client';
const accountKey = (username: string) => username.trim().toLowerCase();

async function throttleOf(tx: Db, scope: Scope, key: string): Promise<ThrottleState | undefined> {
  const [row] = await tx.select().from(signInThrottles).where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
  return row;
}

/** Counts one failure (a new window when the last has passed or a lock ran out); returns the live count and any new lock. */
async function countFailure(tx: Db, scope: Scope, key: string, rules: ThrottleRules, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - rules.windowMinutes * 60_000).toISOString();
  const at = now.toISOString();
  const fresh = sql`(${signInThrottles.firstFailureAt} < ${windowStart} or ${signInThrottles.lockedUntil} <= ${at})`;
  const [row] = await tx
    .insert(signInThrottles)
    .values({ scope, key, failures: 1, firstFailureAt: now, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [signInThrottles.scope, signInThrottles.key],
      set: {
        failures: sql`case when ${fresh} then 1 else ${signInThrottles.failures} + 1 end`,
        firstFailureAt: sql`case when ${fresh} then ${at}::timestamptz else ${signInThrottles.firstFailureAt} end`,
        lastFailureAt: now,
        lockedUntil: sql`case when ${fresh} then null else ${signInThrottles.lockedUntil} end`,
      },
    })
    .returning({ failures: signInThrottles.failures });
  const lockedUntil = lockAfter(row!.failures, rules, now);
  if (lockedUntil) await tx.update(signInThrottles).set({ lockedUntil }).where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
  return { failures: row!.failures, lockedUntil };
}

/** Refuses an attempt the policy says must wait or is locked out (recording a refusal during a lock). */
export async function assertMayTry(database: Database, username: string, client: string, now: Date): Promise<void> {
  const policy = signInPolicy();
  const key = accountKey(username);
  const [account, fromClient] = await Promise.all([throttleOf(database.db, 'account', key), throttleOf(database.db, 'client', client)]);
  for (const [scope, state, rules] of [['account', account, policy.account], ['client', fromClient, policy.client]] as const) {
    const verdict = throttleVerdict(state, rules, now);
    if (verdict.kind === 'locked') {
      await database.transaction((tx) =>
        recordSecurityEvent(tx, { kind: 'login_refused', at: now, username: username.slice(0, 64), client, details: { reason: `${scope}_locked`, lockedUntil: verdict.until.toISOString() } }));
      throw authError(scope === 'account' ? 'ACCOUNT_LOCKED' : 'CLIENT_LOCKED', { lockedUntil: verdict.until.toISOString() });
    }
    if (verdict.kind === 'wait') throw authError('LOGIN_TOO_FAST', { retryAfterSeconds: verdict.seconds });
  }
}

/** Counts a wrong password against the account and the client, logs it and any lock it starts; returns the account's count and lock. */
export async function recordFailedAttempt(database: Database, username: string, client: string, now: Date, reason: string, actorUserId: number | null = null): Promise<{ failures: number; lockedUntil: Date | null }> {
  const policy = signInPolicy();
  const name = username.slice(0, 64);
  return database.transaction(async (tx) => {
    const a = await countFailure(tx, 'account', accountKey(username), policy.account, now);
    const c = await countFailure(tx, 'client', client, policy.client, now);
    await recordSecurityEvent(tx, { kind: 'login_failed', at: now, actorUserId, username: name, client, details: { reason, accountFailures: a.failures, clientFailures: c.failures } });
    if (a.lockedUntil) await recordSecurityEvent(tx, { kind: 'account_locked', at: now, username: name, client, details: { lockedUntil: a.lockedUntil.toISOString(), failures: a.failures } });
    if (c.lockedUntil) await recordSecurityEvent(tx, { kind: 'client_locked', at: now, username: name, client, details: { lockedUntil: c.lockedUntil.toISOString(), failures: c.failures } });
    return { failures: a.failures, lockedUntil: a.lockedUntil };
  });
}

/**
 * Staff sign-in with the brute-force limits of the sign-in policy: after a few failures an
 * account (and a client) must wait before its next try, after more it is locked for a while,
 * and during the lock even the right password is refused. Every failure, refusal and lock is
 * written to the security log, in a transaction of its own so the refusal cannot undo it.
 */
export async function signIn(database: Database, attempt: SignInAttempt): Promise<SignInResult> {
  const policy = signInPolicy();
  const { now, client } = attempt;
  await assertMayTry(database, attempt.username, client, now);
  const user = await findUserByUsername(database.db, attempt.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))), attempt.password);
  if (!user || !ok || user.disabledAt) {
    const reason = !user ? 'unknown_user' : user.disabledAt && ok ? 'disabled' : 'wrong_password';
    const counted = await recordFailedAttempt(database, attempt.username, client, now, reason);
    // The failure that starts a lock says so at once, with its end, rather than on the next try.
    if (counted.lockedUntil) throw authError('ACCOUNT_LOCKED', { lockedUntil: counted.lockedUntil.toISOString() });
    throw authError('LOGIN_FAILED', { attemptsLeft: Math.max(0, policy.account.lockAfterFailures - counted.failures) });
  }
  const key = accountKey(attempt.username);
  // Only someone who knows the password learns that an administrator locked the account.
  if (user.adminLockedUntil && user.adminLockedUntil > now) {
    const lockedUntil = user.adminLockedUntil.toISOString();
    await database.transaction((tx) => recordSecurityEvent(tx, { kind: 'login_refused', at: now, actorUserId: user.id, username: user.username, client, details: { reason: 'admin_locked', lockedUntil } }));
    throw authError('ACCOUNT_LOCKED_BY_ADMIN', { lockedUntil });
  }

  return database.transaction(async (tx) => {
    await tx.delete(signInThrottles).where(and(eq(signInThrottles.scope, 'account'), eq(signInThrottles.key, key)));
    // Outside the demo a known or weak password (the demo's own among them) works once: to change it.
    const weak = !attempt.demo && passwordProblem(attempt.password, user.username, policy.password) !== null;
    const mustChangePassword = user.mustChangePassword || weak;
    if (weak && !user.mustChangePassword) await tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, client, now);
    await recordSecurityEvent(tx, { kind: 'login_succeeded', at: now, actorUserId: user.id, username: user.username, client, details: mustChangePassword ? { mustChangePassword } : {} });
    return { ...session, userId: user.id, mustChangePassword };
  });
}
