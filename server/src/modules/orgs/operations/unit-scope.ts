import type { StaffActor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { orgsError } from '../orgs.errors.js';
import { findUnit, type UnitRow } from '../orgs.repository.js';

/** Whom a unit change is done by: an administrator, within the subtree they are scoped to. */
export type UnitManager = Pick<StaffActor, 'userId' | 'scopeUnitId' | 'scopePath'>;

/**
 * The unit, if it lies in the administrator's subtree; otherwise the same "not found", so an
 * administrator learns nothing of units outside it. Merged units are history and change no more.
 */
export async function unitInScope(tx: Db, manager: UnitManager, unitId: number, options: { field?: string; mergedOk?: boolean } = {}): Promise<UnitRow> {
  const unit = await findUnit(tx, unitId);
  if (!unit || !unit.path.startsWith(manager.scopePath)) throw orgsError('UNIT_NOT_FOUND', options.field ? { field: options.field } : undefined);
  if (unit.mergedIntoId !== null && !options.mergedOk) throw orgsError('UNIT_MERGED', options.field ? { field: options.field } : undefined);
  return unit;
}

/**
 * A unit strictly below the administrator's own scope unit: their scope unit belongs to whoever
 * administers the level above, who alone may move or merge it.
 */
export async function unitBelowScope(tx: Db, manager: UnitManager, unitId: number, field?: string): Promise<UnitRow> {
  const unit = await unitInScope(tx, manager, unitId, { field });
  if (unit.id === manager.scopeUnitId) throw orgsError('UNIT_IS_SCOPE_ROOT', field ? { field } : undefined);
  return unit;
}
