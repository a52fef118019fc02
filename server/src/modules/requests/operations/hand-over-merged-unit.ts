import { and, eq, inArray, or } from 'drizzle-orm';
import { SYSTEM } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { cases, performAction } from '../../cases/index.js';
import type { UnitMerge } from '../../orgs/index.js';
import { HOTLINE_CASE_TYPE } from '../requests.access.js';
import { hotlineCategories, hotlineDispatches } from '../requests.tables.js';

/**
 * The hotline's part of a unit merge: every request the merged unit still works on is handed
 * over by the platform (an event in its record), and the categories it owned name the survivor.
 * Requests it finished stay its own, in the record and in the figures.
 */
export async function handOverMergedUnit(tx: Db, merge: UnitMerge): Promise<Record<string, unknown>> {
  const open = await tx
    .selectDistinct({ caseId: hotlineDispatches.caseId })
    .from(hotlineDispatches)
    .innerJoin(cases, eq(cases.id, hotlineDispatches.caseId))
    .where(and(
      eq(hotlineDispatches.unitId, merge.from.id),
      or(
        and(inArray(hotlineDispatches.status, ['pending', 'signed']), inArray(cases.state, ['dispatched', 'handling', 'rectifying'])),
        and(eq(hotlineDispatches.status, 'replied'), eq(hotlineDispatches.role, 'lead'), eq(cases.state, 'rectifying')),
      ),
    ))
    .orderBy(hotlineDispatches.caseId);
  for (const { caseId } of open) {
    await performAction(tx, {
      caseId, caseType: HOTLINE_CASE_TYPE, action: 'hand_over', actor: SYSTEM, input: { fromUnitId: merge.from.id, toUnitId: merge.into.id }, now: merge.now,
    });
  }
  const owned = await tx.update(hotlineCategories).set({ defaultUnitId: merge.into.id })
    .where(eq(hotlineCategories.defaultUnitId, merge.from.id))
    .returning({ code: hotlineCategories.code });
  return { requestsHandedOver: open.length, categoriesOwned: owned.map((c) => c.code).sort() };
}
