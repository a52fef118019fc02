import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { RoutingSuggestion } from '../../../../../contracts/routing.js';
import { canSeeRequest, hotlineDispatches, hotlineRequests, requestError } from '../../requests/index.js';
import { suggestRouting, type RoutingKnowledge } from '../rules/suggest.js';
import { loadAutoDispatchRules, thresholdFor } from './auto-dispatch-rules.js';
import { duplicatesFor } from './duplicates-for-request.js';
import { requestText, type RequestRow } from './request-text.js';

/** What the rules read in a stored request, with the county's auto-dispatch threshold for its category. */
export async function routingFor(tx: Db, row: RequestRow, knowledge: RoutingKnowledge) {
  const returnedBy = await tx
    .select({ unitId: hotlineDispatches.unitId })
    .from(hotlineDispatches)
    .where(and(eq(hotlineDispatches.caseId, row.caseId), eq(hotlineDispatches.role, 'lead'), eq(hotlineDispatches.status, 'returned')));
  const base = suggestRouting(
    { text: requestText(row), townshipCode: row.townshipCode, villageCode: row.villageCode, excludeUnitIds: returnedBy.map((r) => r.unitId) },
    knowledge,
  );
  const rules = await loadAutoDispatchRules(tx);
  return { ...base, autoDispatchThreshold: thresholdFor(rules, knowledge.categories, base.category?.code) };
}

/** Everything the operator sees: the routing, duplicates, and the history model in use. */
export async function suggestionFor(tx: Db, row: RequestRow, knowledge: RoutingKnowledge, reader: Actor): Promise<RoutingSuggestion> {
  return {
    ...(await routingFor(tx, row, knowledge)),
    duplicates: await duplicatesFor(tx, row, knowledge, reader),
    historyModel: knowledge.history ? { trainedAt: knowledge.history.trainedAt.toISOString(), rows: knowledge.history.rows } : null,
  };
}

export async function suggestionForCase(tx: Db, actor: Actor, caseId: string, knowledge: RoutingKnowledge): Promise<RoutingSuggestion> {
  if (!(await canSeeRequest(tx, caseId, actor))) throw requestError('REQUEST_NOT_FOUND');
  const [row] = await tx.select().from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId));
  if (!row) throw requestError('REQUEST_NOT_FOUND');
  return suggestionFor(tx, row, knowledge, actor);
}
