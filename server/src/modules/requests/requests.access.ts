import { and, eq, inArray, like } from 'drizzle-orm';
import { isStaff, type Actor } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { findUnitByKey, units } from '../orgs/index.js';
import { hotlineDispatches } from './requests.tables.js';

type DispatchRow = typeof hotlineDispatches.$inferSelect;

/** Does the actor's scope take in the hotline center (and so every request)? */
export async function seesAllRequests(tx: Db, actor: Actor): Promise<boolean> {
  if (!isStaff(actor)) return false;
  const center = await findUnitByKey(tx, 'center');
  return center !== undefined && center.path.startsWith(actor.scopePath);
}

/** Default deny: staff see a request when it reached a unit inside their scope. */
export async function canSeeRequest(tx: Db, caseId: string, actor: Actor): Promise<boolean> {
  if (!isStaff(actor)) return false;
  if (await seesAllRequests(tx, actor)) return true;
  const rows = await tx
    .select({ id: hotlineDispatches.id })
    .from(hotlineDispatches)
    .innerJoin(units, eq(units.id, hotlineDispatches.unitId))
    .where(and(eq(hotlineDispatches.caseId, caseId), like(units.path, `${actor.scopePath}%`)))
    .limit(1);
  return rows.length > 0;
}

/** The actor's unit's open dispatch on this case (lead or assist), if any. */
export async function openDispatchFor(
  tx: Db,
  caseId: string,
  actor: Actor,
  statuses: DispatchRow['status'][] = ['pending', 'signed'],
  role?: DispatchRow['role'],
): Promise<DispatchRow | undefined> {
  if (!isStaff(actor)) return undefined;
  const rows = await tx
    .select({ dispatch: hotlineDispatches })
    .from(hotlineDispatches)
    .innerJoin(units, eq(units.id, hotlineDispatches.unitId))
    .where(
      and(
        eq(hotlineDispatches.caseId, caseId),
        inArray(hotlineDispatches.status, statuses),
        like(units.path, `${actor.scopePath}%`),
        ...(role ? [eq(hotlineDispatches.role, role)] : []),
      ),
    )
    .orderBy(hotlineDispatches.dispatchedAt);
  return rows.map((r) => r.dispatch).find((d) => d.role === 'lead') ?? rows[0]?.dispatch;
}
