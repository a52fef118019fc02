import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { ChoiceOption } from '../../cases/index.js';
import { findUnit, listUnitsOfKinds, unitKindLabel, type UnitRow } from '../../orgs/index.js';
import { unitsForCategory } from '../category-sources.js';
import { hotlineConfig } from '../hotline-config.js';
import { requestError } from '../requests.errors.js';
import { DUTY_LISTED } from '../requests.strings.js';
import { hotlineDispatches, hotlineRequests } from '../requests.tables.js';

/**
 * Whom a case may be sent to, by whom: the center dispatches (派单, 改派, 裁定) to the departments
 * and townships of its government; the lead calls in co-handlers (协办) of the kinds the county
 * allows, itself and units already at work on the case left out; a township lead sends on (下派)
 * to the communities and grids under it. The pages offer exactly these and the actions refuse
 * anything else, so a picker never lists a unit the server then turns down.
 */
export type TargetKind = 'dispatch' | 'assist' | 'sub';

export const CENTER_TARGET_KINDS = ['department', 'township'] as const;
// The order the pickers list kinds in.
const KIND_ORDER = ['department', 'township', 'community', 'grid'];

export interface UnitTarget {
  unit: UnitRow;
  /** Named by the duty lists for the request's category. */
  listed: boolean;
}

export async function unitTargets(tx: Db, caseId: string, organUnitId: number | null, kind: TargetKind): Promise<UnitTarget[]> {
  const [request] = await tx.select({ categoryCode: hotlineRequests.categoryCode, townshipCode: hotlineRequests.townshipCode })
    .from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId));
  if (!request) return [];
  let candidates: UnitRow[];
  if (kind === 'sub') {
    const lead = await currentLead(tx, caseId);
    const unit = lead && lead.status === 'signed' ? await findUnit(tx, lead.unitId) : undefined;
    if (!unit || unit.kind !== 'township') return [];
    candidates = await listUnitsOfKinds(tx, unit.path, hotlineConfig().innerDispatch.subUnitKinds);
  } else {
    // The organ (the center) works for the government above it: its subtree is the county's.
    const organ = organUnitId ? await findUnit(tx, organUnitId) : undefined;
    if (!organ) return [];
    const government = organ.parentId ? await findUnit(tx, organ.parentId) : organ;
    const kinds = kind === 'dispatch' ? CENTER_TARGET_KINDS : hotlineConfig().innerDispatch.assistUnitKinds;
    candidates = await listUnitsOfKinds(tx, (government ?? organ).path, kinds);
  }
  const [busy, named] = await Promise.all([
    // Units at work on the case (the lead, co-handlers not yet answered) are not called in again.
    kind === 'dispatch' ? [] : tx.select({ unitId: hotlineDispatches.unitId }).from(hotlineDispatches)
      .where(and(eq(hotlineDispatches.caseId, caseId), inArray(hotlineDispatches.status, ['pending', 'signed']))),
    unitsForCategory(tx, request.categoryCode),
  ]);
  const taken = new Set(busy.map((b) => b.unitId));
  candidates = candidates.filter((u) => !taken.has(u.id));
  const listedIds = new Set(named.unitIds);
  const targets = candidates.map((unit) => ({
    unit,
    listed: listedIds.has(unit.id) || (named.township && unit.kind === 'township' && unit.regionCode !== null && unit.regionCode === request.townshipCode),
  }));
  const rank = (t: UnitTarget) => KIND_ORDER.indexOf(t.unit.kind);
  return targets.sort((a, b) => rank(a) - rank(b) || Number(b.listed) - Number(a.listed) || a.unit.id - b.unit.id);
}

/** The targets as a picker lists them: grouped by kind, those the duty lists name first and marked. */
export function targetChoices(targets: readonly UnitTarget[]): ChoiceOption[] {
  return targets.map((t) => ({ value: t.unit.id, label: t.listed ? `${t.unit.name}${DUTY_LISTED}` : t.unit.name, group: unitKindLabel(t.unit.kind) }));
}

/**
 * The chosen units, each one the action may target; anything else is refused before anything is
 * written: an id that is no unit with UNIT_UNKNOWN, a unit the picker does not offer with UNIT_NOT_OFFERED.
 */
export async function requireTargets(tx: Db, caseId: string, organUnitId: number | null, kind: TargetKind, ids: readonly number[], field: string): Promise<UnitRow[]> {
  const targets = new Map((await unitTargets(tx, caseId, organUnitId, kind)).map((t) => [t.unit.id, t.unit]));
  const chosen: UnitRow[] = [];
  for (const id of ids) {
    const unit = targets.get(id);
    if (unit) {
      chosen.push(unit);
      continue;
    }
    throw requestError((await findUnit(tx, id)) ? 'UNIT_NOT_OFFERED' : 'UNIT_UNKNOWN', { field });
  }
  return chosen;
}

/** The case's current lead dispatch (the latest not returned or withdrawn), if any. */
export async function currentLead(tx: Db, caseId: string) {
  const [lead] = await tx.select().from(hotlineDispatches)
    .where(and(eq(hotlineDispatches.caseId, caseId), eq(hotlineDispatches.role, 'lead'), inArray(hotlineDispatches.status, ['pending', 'signed', 'replied'])))
    .orderBy(desc(hotlineDispatches.dispatchedAt)).limit(1);
  return lead;
}
