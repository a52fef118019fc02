import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { ClientLock, ManagedUser } from '../../../../../contracts/accounts.js';
import type { StaffActor, StaffRole } from '../../../platform/actor.js';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { findUnit, findUser, findUserByUsername, grantsOf, roleGrants, unitKindLabel, units, users, type UserRow } from '../../orgs/index.js';
import { findModule } from '../../cases/index.js';
import { authError } from '../auth.errors.js';
import { signInThrottles } from '../auth.tables.js';
import { hashPassword, temporaryPassword, verifyPassword } from '../passwords.js';
import { passwordProblem } from '../rules/password-policy.js';
import { liveFailures } from '../rules/throttle.js';
import { signInPolicy } from '../sign-in-policy.js';
import { endSessions } from './sessions.js';
import { assertMayTry, recordFailedAttempt } from './sign-in.js';

/** Who changes an account: an administrator within their scope, or the command line (the platform). */
export type Manager = StaffActor | 'cli';

const managerId = (manager: Manager) => (manager === 'cli' ? null : manager.userId);
const managerScope = (manager: Manager) => (manager === 'cli' ? '/' : manager.scopePath);

/**
 * The account, if it works in the manager's scope; otherwise the same "not found". An
 * administrator does not manage their own account here: disabling, resetting or moving oneself
 * would lock the county out or widen one's own rights unseen by anyone else.
 */
async function managedUser(tx: Db, manager: Manager, userId: number): Promise<UserRow> {
  const user = await findUser(tx, userId);
  const unit = user ? await findUnit(tx, user.unitId) : undefined;
  if (!user || !unit || !unit.path.startsWith(managerScope(manager))) throw authError('USER_NOT_FOUND');
  if (manager !== 'cli' && manager.userId === user.id) throw authError('CANNOT_MANAGE_SELF');
  return user;
}

async function unitInScope(tx: Db, manager: Manager, unitId: number) {
  const unit = await findUnit(tx, unitId);
  if (!unit || !unit.path.startsWith(managerScope(manager))) throw authError('USER_UNIT_OUT_OF_SCOPE', { field: 'unitId' });
  return unit;
}

/** An account as listed, before its role gets its label. */
export type UserView = Omit<ManagedUser, 'roleLabel'>;

/** Every account working within the manager's scope, with its lock state. */
export async function listUsers(tx: Db, manager: Manager, now: Date): Promise<UserView[]> {
  const rows = await tx
    .select({ user: users, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(like(units.path, `${managerScope(manager)}%`))
    .orderBy(asc(users.id));
  const throttles = await tx.select().from(signInThrottles).where(eq(signInThrottles.scope, 'account'));
  const byName = new Map(throttles.map((t) => [t.key, t]));
  const rules = signInPolicy().account;
  return rows.map(({ user, unitName }) => {
    const throttle = byName.get(user.username.toLowerCase());
    const byFailures = throttle?.lockedUntil && throttle.lockedUntil > now ? throttle.lockedUntil : null;
    const byAdministrator = user.adminLockedUntil && user.adminLockedUntil > now ? user.adminLockedUntil : null;
    const locked = [byFailures, byAdministrator].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return {
      id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, unitName,
      scopeUnitId: user.scopeUnitId, mustChangePassword: user.mustChangePassword, disabled: user.disabledAt !== null,
      lockedUntil: locked?.toISOString() ?? null, lockedByAdministrator: byAdministrator !== null, failures: liveFailures(throttle, rules, now),
    };
  });
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  unitId: number;
  /** What the person may see: their unit when omitted. */
  scopeUnitId?: number;
}

/**
 * Creates an account with a one-time password that the person must replace at first sign-in.
 * The password is returned this once and never stored.
 */
export async function createUser(database: Database, manager: Manager, input: NewAccount, now: Date): Promise<{ user: UserRow; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const user = await database.transaction(async (tx) => {
    await unitInScope(tx, manager, input.unitId);
    if (input.scopeUnitId !== undefined) await unitInScope(tx, manager, input.scopeUnitId);
    if (await findUserByUsername(tx, input.username)) throw authError('USERNAME_TAKEN', { field: 'username' });
    // Accounts are numbered in order; two administrators adding at once take turns.
    await lockInTransaction(tx, 'fazhi.orgs.user-ids');
    const [{ next } = { next: 1 }] = await tx.select({ next: sql<number>`coalesce(max(${users.id}), 0) + 1` }).from(users);
    const [created] = await tx
      .insert(users)
      .values({
        id: Number(next), username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId,
        scopeUnitId: input.scopeUnitId ?? input.unitId, passwordHash, mustChangePassword: true, createdAt: now,
      })
      .returning();
    await recordSecurityEvent(tx, {
      kind: 'user_created', at: now, actorUserId: managerId(manager), username: input.username,
      details: { userId: created!.id, role: input.role, unitId: input.unitId, scopeUnitId: created!.scopeUnitId, by: manager === 'cli' ? 'command line' : 'administrator' },
    });
    return created!;
  });
  return { user, temporaryPassword: password };
}

export interface AccountChanges {
  displayName?: string;
  role?: StaffRole;
  unitId?: number;
  scopeUnitId?: number;
}

/** Moves an account to another unit or role; its sessions end so the change takes effect at once. */
export async function updateUser(database: Database, manager: Manager, userId: number, changes: AccountChanges, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    if (changes.unitId !== undefined) await unitInScope(tx, manager, changes.unitId);
    if (changes.scopeUnitId !== undefined) await unitInScope(tx, manager, changes.scopeUnitId);
    await tx.update(users).set(changes).where(eq(users.id, user.id));
    const ended = await endSessions(tx, user.id);
    await recordSecurityEvent(tx, {
      kind: 'user_updated', at: now, actorUserId: managerId(manager), username: user.username,
      details: { userId: user.id, before: { displayName: user.displayName, role: user.role, unitId: user.unitId, scopeUnitId: user.scopeUnitId }, after: changes, sessionsEnded: ended },
    });
  });
}

/** A new one-time password (the old one stops working, every session ends); returned this once. */
export async function resetPassword(database: Database, manager: Manager, userId: number, now: Date): Promise<{ username: string; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return database.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: now }).where(eq(users.id, user.id));
    const ended = await endSessions(tx, user.id);
    await tx.delete(signInThrottles).where(and(eq(signInThrottles.scope, 'account'), eq(signInThrottles.key, user.username.toLowerCase())));
    await recordSecurityEvent(tx, { kind: 'password_reset', at: now, actorUserId: managerId(manager), username: user.username, details: { userId: user.id, sessionsEnded: ended } });
    return { username: user.username, temporaryPassword: password };
  });
}

/**
 * Lifts a sign-in lock before it runs out (the person called the administrator), whether wrong
 * passwords or an administrator set it.
 */
export async function unlockUser(database: Database, manager: Manager, userId: number, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    const removed = await tx
      .delete(signInThrottles)
      .where(and(eq(signInThrottles.scope, 'account'), eq(signInThrottles.key, user.username.toLowerCase())))
      .returning({ lockedUntil: signInThrottles.lockedUntil });
    if (user.adminLockedUntil) await tx.update(users).set({ adminLockedUntil: null }).where(eq(users.id, user.id));
    await recordSecurityEvent(tx, {
      kind: 'account_unlocked', at: now, actorUserId: managerId(manager), username: user.username,
      details: {
        userId: user.id, wasLockedUntil: removed[0]?.lockedUntil?.toISOString() ?? null,
        ...(user.adminLockedUntil && user.adminLockedUntil > now ? { wasLockedByAdministratorUntil: user.adminLockedUntil.toISOString() } : {}),
      },
    });
  });
}

/** The longest an administrator locks an account for; longer is what 停用 is for. */
const MAX_ADMIN_LOCK_MS = 366 * 86_400_000;

/**
 * An administrator keeps an account from signing in until a time (a person away, a password
 * that may have leaked): its sessions end, and until then the right password is refused too.
 */
export async function lockUser(database: Database, manager: Manager, userId: number, until: Date, now: Date): Promise<void> {
  if (!(until.getTime() > now.getTime() && until.getTime() - now.getTime() <= MAX_ADMIN_LOCK_MS)) throw authError('ADMIN_LOCK_INVALID', { field: 'until' });
  await database.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    await tx.update(users).set({ adminLockedUntil: until }).where(eq(users.id, user.id));
    const ended = await endSessions(tx, user.id);
    await recordSecurityEvent(tx, {
      kind: 'user_locked', at: now, actorUserId: managerId(manager), username: user.username,
      details: { userId: user.id, lockedUntil: until.toISOString(), sessionsEnded: ended },
    });
  });
}

/** Stops (or restores) an account; stopping ends its sessions. */
export async function setUserDisabled(database: Database, manager: Manager, userId: number, disabled: boolean, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    await tx.update(users).set({ disabledAt: disabled ? now : null }).where(eq(users.id, user.id));
    const ended = disabled ? await endSessions(tx, user.id) : 0;
    await recordSecurityEvent(tx, { kind: disabled ? 'user_disabled' : 'user_enabled', at: now, actorUserId: managerId(manager), username: user.username, details: { userId: user.id, sessionsEnded: ended } });
  });
}

/**
 * A person sets their own password: the current one proves it is them (a wrong one counts as a
 * failed sign-in), the new one meets the policy, and every other session of theirs ends.
 */
export async function changeOwnPassword(
  database: Database,
  actor: StaffActor,
  input: { currentPassword: string; newPassword: string; keepToken: string; client: string },
  now: Date,
): Promise<void> {
  const user = (await findUser(database.db, actor.userId))!;
  // A session left open must not become a way to guess the password: the sign-in limits apply.
  await assertMayTry(database, user.username, input.client, now);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const counted = await recordFailedAttempt(database, user.username, input.client, now, 'wrong_current_password', user.id);
    if (counted.lockedUntil) throw authError('ACCOUNT_LOCKED', { lockedUntil: counted.lockedUntil.toISOString() });
    throw authError('PASSWORD_WRONG', { field: 'currentPassword' });
  }
  if (input.newPassword === input.currentPassword) throw authError('PASSWORD_UNCHANGED', { field: 'newPassword' });
  const problem = passwordProblem(input.newPassword, user.username, signInPolicy().password);
  if (problem) throw authError('PASSWORD_TOO_WEAK', { field: 'newPassword', problem });
  const passwordHash = await hashPassword(input.newPassword);
  await database.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, user.id));
    const ended = await endSessions(tx, user.id, input.keepToken);
    await recordSecurityEvent(tx, { kind: 'password_changed', at: now, actorUserId: user.id, username: user.username, client: input.client, details: { sessionsEnded: ended } });
  });
}


/** Addresses kept from signing in now (an office behind one address can be stopped by a few people's mistakes). */
export async function listClientLocks(tx: Db, now: Date): Promise<ClientLock[]> {
  const rows = await tx.select().from(signInThrottles).where(eq(signInThrottles.scope, 'client'));
  return rows
    .filter((r) => r.lockedUntil && r.lockedUntil > now)
    .map((r) => ({ address: r.key, failures: r.failures, lockedUntil: r.lockedUntil!.toISOString() }))
    .sort((a, b) => (a.lockedUntil < b.lockedUntil ? 1 : -1));
}

/** Lifts the lock of one address; logged with who did it. */
export async function unlockClient(database: Database, manager: Manager, address: string, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const removed = await tx
      .delete(signInThrottles)
      .where(and(eq(signInThrottles.scope, 'client'), eq(signInThrottles.key, address)))
      .returning({ lockedUntil: signInThrottles.lockedUntil });
    if (removed.length === 0) throw authError('CLIENT_LOCK_NOT_FOUND');
    await recordSecurityEvent(tx, {
      kind: 'client_unlocked', at: now, actorUserId: managerId(manager), client: address,
      details: { wasLockedUntil: removed[0]!.lockedUntil?.toISOString() ?? null },
    });
  });
}

/** A module role to grant: `module.role` held for a unit. */
export interface GrantInput {
  role: string;
  unitId: number;
}

/**
 * Replaces an account's module roles. Each must be a role a module declares, for a unit in the
 * administrator's scope of a kind the role allows. The account's sessions end, so the change
 * applies at once; the security log keeps what it had and what it now has.
 */
export async function setGrants(database: Database, manager: Manager, userId: number, grants: readonly GrantInput[], now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    for (const [index, grant] of grants.entries()) {
      const [moduleName, roleName] = grant.role.split('.', 2) as [string, string | undefined];
      const module = findModule(moduleName);
      const spec = module && roleName && Object.hasOwn(module.roles, roleName) ? module.roles[roleName] : undefined;
      if (!spec || spec.home) throw authError('ROLE_UNKNOWN', { field: `grants.${index}.role`, role: grant.role });
      const unit = await unitInScope(tx, manager, grant.unitId);
      if (spec.unitKinds && !spec.unitKinds.includes(unit.kind)) {
        throw authError('ROLE_UNIT_KIND', { field: `grants.${index}.unitId`, allowed: spec.unitKinds }, `「${spec.label}」只能授予${spec.unitKinds.map(unitKindLabel).join('、')}，「${unit.name}」是${unitKindLabel(unit.kind)}`);
      }
    }
    const before = await grantsOf(tx, user.id);
    await tx.delete(roleGrants).where(eq(roleGrants.userId, user.id));
    const unique = [...new Map(grants.map((g) => [`${g.role}@${g.unitId}`, g])).values()];
    if (unique.length) await tx.insert(roleGrants).values(unique.map((g) => ({ userId: user.id, role: g.role, unitId: g.unitId, grantedAt: now })));
    const ended = await endSessions(tx, user.id);
    await recordSecurityEvent(tx, {
      kind: 'user_updated', at: now, actorUserId: managerId(manager), username: user.username,
      details: { userId: user.id, before: { grants: before.map(({ role, unitId }) => ({ role, unitId })) }, after: { grants: unique }, sessionsEnded: ended },
    });
  });
}

/** The module roles an account holds, for the administrator's page. */
export async function listGrants(tx: Db, manager: Manager, userId: number): Promise<Array<{ role: string; unitId: number }>> {
  const user = await managedUser(tx, manager, userId);
  return (await grantsOf(tx, user.id)).map(({ role, unitId }) => ({ role, unitId }));
}
