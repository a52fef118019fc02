import { and, desc, eq, inArray } from 'drizzle-orm';
import { isStaff, type Actor } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { canSeeCase } from '../cases/index.js';
import { hotlineDispatches } from './requests.tables.js';

type DispatchRow = typeof hotlineDispatches.$inferSelect;

export const HOTLINE_CASE_TYPE = 'hotline_request';
/** The module the hotline registers as (its roles and pages). */
export const HOTLINE_MODULE = 'hotline';

/** Units holding a stake in a request besides the center: every unit it was ever dispatched to. */
export const HOTLINE_STAKEHOLDERS = 'select case_id, unit_id from hotline_dispatches';

/** The platform's rule: the center's people and their superiors, and every unit it reached. */
export function canSeeRequest(tx: Db, caseId: string, actor: Actor): Promise<boolean> {
  return canSeeCase(tx, caseId, actor, HOTLINE_CASE_TYPE);
}

/**
 * The actor's own unit's dispatch on this case in one of the statuses (the lead first). A
 * unit acts for itself only: seeing a department's work, as a leader does, is not doing it.
 */
export async function openDispatchFor(
  tx: Db,
  caseId: string,
  actor: Actor,
  statuses: DispatchRow['status'][] = ['pending', 'signed'],
  role?: DispatchRow['role'],
): Promise<DispatchRow | undefined> {
  if (!isStaff(actor)) return undefined;
  const rows = await tx
    .select()
    .from(hotlineDispatches)
    .where(
      and(
        eq(hotlineDispatches.caseId, caseId),
        eq(hotlineDispatches.unitId, actor.unitId),
        inArray(hotlineDispatches.status, statuses),
        ...(role ? [eq(hotlineDispatches.role, role)] : []),
      ),
    )
    .orderBy(hotlineDispatches.dispatchedAt);
  return rows.find((d) => d.role === 'lead') ?? rows[0];
}

/** Dispatches that answer to the lead rather than to the center: co-handlers (协办) and 下派 to communities and grids. */
export const INNER_ROLES = ['assist', 'sub'] as const;

/** The actor's own unit's inner dispatch on this case in one of the statuses (the latest). */
export async function openInnerDispatchFor(tx: Db, caseId: string, actor: Actor, statuses: DispatchRow['status'][]): Promise<DispatchRow | undefined> {
  if (!isStaff(actor)) return undefined;
  const rows = await tx
    .select()
    .from(hotlineDispatches)
    .where(and(eq(hotlineDispatches.caseId, caseId), eq(hotlineDispatches.unitId, actor.unitId), inArray(hotlineDispatches.status, statuses), inArray(hotlineDispatches.role, [...INNER_ROLES])))
    .orderBy(desc(hotlineDispatches.dispatchedAt));
  return rows[0];
}
