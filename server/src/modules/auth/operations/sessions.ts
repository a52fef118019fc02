import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { StaffActor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { findUnit, findUser, grantsOf } from '../../orgs/index.js';
import { sessions } from '../auth.tables.js';
import { signInPolicy } from '../sign-in-policy.js';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Seconds a session lives at most, whatever its use (the cookie's max age). */
export function sessionSeconds(): number {
  return signInPolicy().session.absoluteHours * 3600;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session for a user who proved who they are; only a hash of the token is kept. */
export async function createSession(tx: Db, userId: number, client: string | null, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionSeconds() * 1000);
  const idleSince = new Date(now.getTime() - signInPolicy().session.idleMinutes * 60_000);
  await tx.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)));
  await tx.insert(sessions).values({ tokenHash: tokenHash(token), userId, csrfToken, expiresAt, lastSeenAt: now, createdAt: now, client });
  return { token, csrfToken, expiresAt };
}

export async function logout(tx: Db, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** Ends every session of a user (sign out everywhere; a disabled account; a new password), but the one kept. */
export async function endSessions(tx: Db, userId: number, keepToken?: string): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ...(keepToken ? [ne(sessions.tokenHash, tokenHash(keepToken))] : [])))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

export interface ResolvedSession {
  actor: StaffActor;
  csrfToken: string;
  username: string;
  unitName: string;
  /** Until the person sets a password of their own, the session may only do that. */
  mustChangePassword: boolean;
}

/**
 * The signed-in person behind a token, with their scope; null when unknown, expired, idle
 * for longer than the policy allows, or the account is disabled. Use keeps a session alive:
 * its last-seen time is written at most once a minute.
 */
export async function resolveSession(tx: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const idleSince = new Date(now.getTime() - signInPolicy().session.idleMinutes * 60_000);
  const hash = tokenHash(token);
  const [session] = await tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)));
  if (!session) return null;
  const user = await findUser(tx, session.userId);
  if (!user || user.disabledAt) return null;
  const [unit, scope, grants] = await Promise.all([findUnit(tx, user.unitId), findUnit(tx, user.scopeUnitId), grantsOf(tx, user.id)]);
  if (!unit || !scope) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await tx.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.tokenHash, hash), sql`${sessions.lastSeenAt} < ${now.toISOString()}`));
  }
  return {
    actor: {
      role: user.role, userId: user.id, unitId: user.unitId, scopeUnitId: user.scopeUnitId, scopePath: scope.path, displayName: user.displayName,
      ...(grants.length ? { grants } : {}),
    },
    csrfToken: session.csrfToken,
    username: user.username,
    unitName: unit.name,
    mustChangePassword: user.mustChangePassword,
  };
}
