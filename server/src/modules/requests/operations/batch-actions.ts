import { eq } from 'drizzle-orm';
import type { BatchAction, BatchResult } from '../../../../../contracts/requests.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { toAppError } from '../../../platform/http/error-handler.js';
import { canSeeRequest, HOTLINE_CASE_TYPE } from '../requests.access.js';
import { performAction } from '../../cases/index.js';
import { hotlineRequests } from '../requests.tables.js';

/**
 * Takes one action on many requests, each in its own transaction: one refused (signed by a
 * colleague meanwhile, out of scope) leaves the others done, and each answers for itself with
 * the same code and message it would answer alone.
 */
export async function runBatch(
  database: Database, actor: Actor, action: BatchAction, caseIds: readonly string[], input: Record<string, unknown>, now: () => Date,
  onFault: (error: unknown) => void,
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const caseId of caseIds) {
    try {
      const done = await database.transaction((tx) => performAction(tx, { caseId, caseType: HOTLINE_CASE_TYPE, action, actor, input, now: now() }));
      results.push({ caseId, trackingCode: await trackingCodeFor(database, caseId, actor), ok: true, state: done.state });
    } catch (error) {
      const refusal = toAppError(error);
      // Anything but a refusal is the platform's fault: logged like any route's, and the rest go on.
      if (refusal.status >= 500) onFault(error);
      results.push({ caseId, trackingCode: await trackingCodeFor(database, caseId, actor), ok: false, code: refusal.code, message: refusal.message });
    }
  }
  return results;
}

/** The code people know a request by, only for a request the caller may see. */
async function trackingCodeFor(database: Database, caseId: string, actor: Actor): Promise<string | null> {
  if (!(await canSeeRequest(database.db, caseId, actor))) return null;
  const [row] = await database.db.select({ code: hotlineRequests.trackingCode }).from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId));
  return row?.code ?? null;
}
