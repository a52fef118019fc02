import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { findUnit, findUser, findUserByUsername } from '../../orgs/index.js';
import { authError } from '../auth.errors.js';
import { sessions } from '../auth.tables.js';
import { hashPassword, verifyPassword } from '../passwords.js';

export const SESSION_HOURS = 12;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

// Verified against when the user does not exist, so response time does not tell.
let dummyHash: Promise<string> | undefined;

export async function login(tx: Db, username: string, password: string, now: Date): Promise<LoginResult> {
  const user = await findUserByUsername(tx, username);
  const ok = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex')))), password);
  if (!user || !ok) throw authError('LOGIN_FAILED');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
  await tx.insert(sessions).values({ tokenHash: tokenHash(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, userId: user.id };
}

export async function logout(tx: Db, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

export interface ResolvedSession {
  actor: Extract<Actor, { userId: number }>;
  csrfToken: string;
  username: string;
  unitName: string;
}

/** The signed-in person behind a token, with their scope, or null when unknown or expired. */
export async function resolveSession(tx: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const [session] = await tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, now)));
  if (!session) return null;
  const user = await findUser(tx, session.userId);
  if (!user) return null;
  const [unit, scope] = await Promise.all([findUnit(tx, user.unitId), findUnit(tx, user.scopeUnitId)]);
  if (!unit || !scope) return null;
  return {
    actor: { role: user.role, userId: user.id, unitId: user.unitId, scopeUnitId: user.scopeUnitId, scopePath: scope.path, displayName: user.displayName },
    csrfToken: session.csrfToken,
    username: user.username,
    unitName: unit.name,
  };
}
