import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import type { ActionContext } from '../case-type.js';
import { cases } from '../cases.tables.js';
import { checkAction } from '../rules/can-perform.js';

/**
 * The actions this actor may take on this case now, by the same checks performAction makes
 * before it writes (role, state, whom the actor acts for, the case's preconditions), so a page never offers a button
 * the server then refuses. The caller has already checked that the actor sees the case.
 * `only` limits the question to some actions (a list asking about its batch actions per row).
 */
export async function availableActionsFor(tx: Db, caseId: string, actor: Actor, now: Date, only?: readonly string[]): Promise<string[]> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!row) return [];
  const type = getCaseType(row.caseType);
  const ctx: ActionContext = {
    tx, caseId: row.id, state: row.state, organUnitId: row.organUnitId, ownerUnitId: row.ownerUnitId, actor, input: {}, now,
  };
  const available: string[] = [];
  for (const [name, definition] of Object.entries(type.actions)) {
    if (only && !only.includes(name)) continue;
    if (checkAction(type, row.state, name, actor) !== null) continue;
    if (definition.authorize && !(await definition.authorize(ctx))) continue;
    if (definition.precondition && (await definition.precondition(ctx))) continue;
    available.push(name);
  }
  return available;
}
