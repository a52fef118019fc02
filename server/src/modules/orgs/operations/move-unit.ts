import { eq, like, sql } from 'drizzle-orm';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { orgsError } from '../orgs.errors.js';
import { units } from '../orgs.tables.js';
import type { UnitRow } from '../orgs.repository.js';
import { childPath } from '../rules/scope.js';
import { mayPlaceUnder } from '../rules/unit-kinds.js';
import { regionCodeProblem } from '../rules/unit-paths.js';
import { assertNameFree, claimRegion } from './add-unit.js';
import { unitBelowScope, unitInScope, type UnitManager } from './unit-scope.js';

/**
 * Puts a unit and its subtree under another parent: one prefix swap of every path below it.
 * Scope and case visibility are read through the paths, so every account scoped in the
 * subtree, and everything recorded against its units, follows at once.
 */
export async function reparentSubtree(tx: Db, unit: Pick<UnitRow, 'id' | 'path'>, parent: Pick<UnitRow, 'id' | 'path'>): Promise<string> {
  const path = childPath(parent.path, unit.id);
  await tx.update(units)
    .set({ path: sql`${path} || substr(${units.path}, ${unit.path.length + 1})` })
    .where(like(units.path, `${unit.path}%`));
  await tx.update(units).set({ parentId: parent.id }).where(eq(units.id, unit.id));
  return path;
}

export interface UnitMove {
  parentId: number;
  /** The unit's region code under its new parent, when the old one no longer fits (null clears it). */
  regionCode?: string | null;
}

export async function moveUnit(database: Database, manager: UnitManager, unitId: number, move: UnitMove, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.orgs.unit-tree');
    const unit = await unitBelowScope(tx, manager, unitId);
    const parent = await unitInScope(tx, manager, move.parentId, { field: 'parentId' });
    if (parent.path.startsWith(unit.path)) throw orgsError('UNIT_MOVE_INTO_SELF', { field: 'parentId' });
    if (parent.id === unit.parentId) throw orgsError('UNIT_UNCHANGED', { field: 'parentId' });
    if (!mayPlaceUnder(unit.kind, parent.kind)) throw orgsError('UNIT_PARENT_KIND', { field: 'parentId' });
    await assertNameFree(tx, parent.id, unit.name, unit.id);
    const regionCode = move.regionCode !== undefined ? move.regionCode : unit.regionCode;
    if (regionCode !== unit.regionCode) await claimRegion(tx, unit.kind, regionCode, parent, unit.name, unit.id);
    else if (regionCodeProblem(unit.kind, regionCode, parent.regionCode)) throw orgsError('UNIT_REGION_INVALID', { field: 'regionCode' });
    const path = await reparentSubtree(tx, unit, parent);
    if (regionCode !== unit.regionCode) await tx.update(units).set({ regionCode }).where(eq(units.id, unit.id));
    const [counts] = await tx
      .select({ subtree: sql<number>`count(*)::int`, accounts: sql<number>`(select count(*)::int from users u where u.scope_unit_id in (select id from units where path like ${`${path}%`}))` })
      .from(units)
      .where(like(units.path, `${path}%`));
    await recordSecurityEvent(tx, {
      kind: 'unit_moved', at: now, actorUserId: manager.userId,
      details: {
        unitId: unit.id, unitPath: path, formerPath: unit.path, name: unit.name,
        before: { parentId: unit.parentId, ...(regionCode !== unit.regionCode ? { regionCode: unit.regionCode } : {}) },
        after: { parentId: parent.id, ...(regionCode !== unit.regionCode ? { regionCode } : {}) },
        subtreeUnits: Number(counts!.subtree), scopedAccounts: Number(counts!.accounts),
      },
    });
  });
}
