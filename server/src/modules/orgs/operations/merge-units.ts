import { and, eq, sql } from 'drizzle-orm';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { orgsError } from '../orgs.errors.js';
import { roleGrants, units, users } from '../orgs.tables.js';
import { findUnit } from '../orgs.repository.js';
import { reparentSubtree } from './move-unit.js';
import { unitMergeSteps } from './unit-merge-steps.js';
import { unitBelowScope, unitInScope, type UnitManager } from './unit-scope.js';

/**
 * Merges a unit into another of the same kind (two villages become one community, two bureaus
 * one department). Nothing is deleted:
 * - the merged unit stays in the tree under the one it went into, marked merged, so every case
 *   and figure recorded against it keeps its name and is seen by the survivor's people and above;
 * - its own units move under the survivor; its accounts work at the survivor, and those scoped
 *   to it see the survivor's subtree;
 * - module roles held for it are granted for the survivor as well, and kept for it, so cases of
 *   other modules still naming it (a 复议 it answers) can be finished in its name;
 * - each module moves its open work and settings (registered merge steps): 12345 dispatches it
 *   holds are handed over, on their limits, by an event in each case's record; duty-list items
 *   and category owners name the survivor.
 */
export async function mergeUnits(database: Database, manager: UnitManager, unitId: number, intoId: number, now: Date): Promise<Record<string, unknown>> {
  return database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.orgs.unit-tree');
    const from = await unitBelowScope(tx, manager, unitId);
    const into = await unitInScope(tx, manager, intoId, { field: 'intoUnitId' });
    if (into.path.startsWith(from.path)) throw orgsError('UNIT_MERGE_INTO_SELF', { field: 'intoUnitId' });
    if (into.kind !== from.kind) throw orgsError('UNIT_MERGE_KIND', { field: 'intoUnitId' });

    const children = await tx.select().from(units).where(and(eq(units.parentId, from.id), sql`${units.id} <> ${from.id}`));
    for (const child of children) await reparentSubtree(tx, child, into);
    const path = await reparentSubtree(tx, (await findUnit(tx, from.id))!, into);
    await tx.update(units).set({ mergedIntoId: into.id, mergedAt: now }).where(eq(units.id, from.id));

    const moved = await tx.update(users).set({ unitId: into.id }).where(eq(users.unitId, from.id)).returning({ id: users.id });
    const rescoped = await tx.update(users).set({ scopeUnitId: into.id }).where(eq(users.scopeUnitId, from.id)).returning({ id: users.id });
    const held = await tx.select().from(roleGrants).where(eq(roleGrants.unitId, from.id));
    const granted = held.length
      ? await tx.insert(roleGrants).values(held.map((g) => ({ userId: g.userId, role: g.role, unitId: into.id, grantedAt: now }))).onConflictDoNothing().returning({ userId: roleGrants.userId })
      : [];
    const movedUserIds = [...new Set([...moved.map((u) => u.id), ...rescoped.map((u) => u.id), ...granted.map((g) => g.userId)])];

    const mergedInto = { ...into, path: (await findUnit(tx, into.id))!.path };
    const steps: Record<string, unknown> = {};
    for (const [name, step] of unitMergeSteps()) steps[name] = await step(tx, { from: { ...from, path }, into: mergedInto, movedUserIds, now });
    const details = {
      unitId: from.id, unitPath: path, formerPath: from.path, name: from.name,
      into: { unitId: into.id, name: into.name },
      childUnits: children.length, accounts: moved.length, scopedAccounts: rescoped.length, grantsAdded: granted.length, ...steps,
    };
    await recordSecurityEvent(tx, { kind: 'unit_merged', at: now, actorUserId: manager.userId, details });
    return details;
  });
}
