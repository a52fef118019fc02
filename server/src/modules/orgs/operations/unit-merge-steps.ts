import type { Db } from '../../../platform/db/database.js';
import type { UnitRow } from '../orgs.repository.js';

/** What a merge hands to the modules: the unit merged, the unit it went into, the accounts moved. */
export interface UnitMerge {
  from: UnitRow;
  into: UnitRow;
  movedUserIds: number[];
  now: Date;
}

/**
 * A module's part of a merge, run in the merge's transaction: it moves the module's open work
 * and settings to the unit merged into, and returns what it did for the security log.
 */
export type UnitMergeStep = (tx: Db, merge: UnitMerge) => Promise<Record<string, unknown>>;

const steps = new Map<string, UnitMergeStep>();

/** Modules register their step when their routes are set up; one per name. */
export function registerUnitMergeStep(name: string, step: UnitMergeStep): void {
  steps.set(name, step);
}

export function unitMergeSteps(): ReadonlyMap<string, UnitMergeStep> {
  return steps;
}
