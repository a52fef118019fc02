import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { orgsError } from '../orgs.errors.js';
import { regions, units } from '../orgs.tables.js';
import { assertNameFree } from './add-unit.js';
import { unitBelowScope, unitInScope, type UnitManager } from './unit-scope.js';

export interface UnitNames {
  name?: string;
  /** null clears it. */
  shortName?: string | null;
}

/**
 * Renames a unit. History keeps its ids, so every record shows the new name from now on. A place
 * whose region bore the same name (a 社区 renamed on 村改居) renames its region with it, so intake
 * offers the name people now use. The tree's own root is renamed by the administrators of the whole tree.
 */
export async function renameUnit(database: Database, manager: UnitManager, unitId: number, names: UnitNames, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const root = await unitInScope(tx, manager, unitId);
    const unit = root.parentId === null ? root : await unitBelowScope(tx, manager, unitId);
    const after = {
      ...(names.name !== undefined && names.name !== unit.name ? { name: names.name } : {}),
      ...(names.shortName !== undefined && names.shortName !== unit.shortName ? { shortName: names.shortName } : {}),
    };
    if (Object.keys(after).length === 0) throw orgsError('UNIT_UNCHANGED');
    if (after.name !== undefined && unit.parentId !== null) await assertNameFree(tx, unit.parentId, after.name, unit.id);
    await tx.update(units).set(after).where(eq(units.id, unit.id));
    let regionRenamed = false;
    if (after.name !== undefined && unit.regionCode && ['township', 'community'].includes(unit.kind)) {
      const renamed = await tx.update(regions).set({ name: after.name }).where(and(eq(regions.code, unit.regionCode), eq(regions.name, unit.name))).returning({ code: regions.code });
      regionRenamed = renamed.length > 0;
    }
    await recordSecurityEvent(tx, {
      kind: 'unit_renamed', at: now, actorUserId: manager.userId,
      details: {
        unitId: unit.id, unitPath: unit.path,
        before: { ...(after.name !== undefined ? { name: unit.name } : {}), ...(after.shortName !== undefined ? { shortName: unit.shortName } : {}) },
        after, ...(regionRenamed ? { regionRenamed: unit.regionCode } : {}),
      },
    });
  });
}
