import { eq } from 'drizzle-orm';
import { SYSTEM } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { performAction } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE, hotlineRequests } from '../../requests/index.js';
import type { RoutingKnowledge } from '../rules/suggest.js';
import { routingSettings } from '../routing.tables.js';
import { refusalLeavesItToAPerson } from './auto-dispatch.js';
import { duplicatesFor } from './duplicates-for-request.js';

export async function autoMergeEnabled(tx: Db): Promise<boolean> {
  const [row] = await tx.select().from(routingSettings).where(eq(routingSettings.id, 1));
  return row?.autoMerge ?? false;
}

/** Merges a new request into the open one it repeats, when the match is beyond doubt. */
export async function autoMerge(database: Database, caseId: string, knowledge: RoutingKnowledge, now: Date): Promise<boolean> {
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId));
    if (!row) return false;
    const parent = (await duplicatesFor(tx, row, knowledge)).find((d) => d.action === 'merge' && !['merged', 'closed'].includes(d.state));
    if (!parent) return false;
    await performAction(tx, { caseId, caseType: HOTLINE_CASE_TYPE, action: 'merge', actor: SYSTEM, input: { parentCaseId: parent.caseId }, now });
    return true;
  }).catch(refusalLeavesItToAPerson);
}
