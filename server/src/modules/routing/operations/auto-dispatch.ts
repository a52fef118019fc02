import { eq } from 'drizzle-orm';
import { SYSTEM } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { performAction } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE, hotlineRequests } from '../../requests/index.js';
import type { RoutingKnowledge } from '../rules/suggest.js';
import { routingFor } from './suggest-for-request.js';

/**
 * Dispatches a newly received request when the county chose a threshold for its category and
 * the top unit's confidence reaches it. Everything else waits for a person, and so does a
 * request whose dispatch fails here (someone acted first, or the process stopped).
 */
export async function autoDispatch(database: Database, caseId: string, knowledge: RoutingKnowledge, now: Date): Promise<boolean> {
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId));
    if (!row || row.repliedAt) return false;
    // Duplicates are automatic merging's business, not dispatch's: not looked up here.
    const suggestion = await routingFor(tx, row, knowledge);
    const top = suggestion.units[0];
    const category = suggestion.category && knowledge.categories.get(suggestion.category.code);
    if (!top || !category || category.level !== 3 || suggestion.autoDispatchThreshold === null) return false;
    if (top.confidence < suggestion.autoDispatchThreshold) return false;
    await performAction(tx, {
      caseId,
      caseType: HOTLINE_CASE_TYPE,
      action: 'dispatch',
      actor: SYSTEM,
      input: {
        unitId: top.unitId,
        categoryCode: row.categoryCode ?? category.code,
        requestType: row.requestType ?? suggestion.requestType.value,
        urgency: suggestion.urgency.value === 'urgent' ? 'urgent' : row.urgency,
      },
      now,
    });
    return true;
  }).catch(refusalLeavesItToAPerson);
}

/** A refusal (someone acted first, the target was closed …) is not a failure: a person decides. */
export function refusalLeavesItToAPerson(error: unknown): false {
  if (error instanceof AppError) return false;
  throw error;
}
