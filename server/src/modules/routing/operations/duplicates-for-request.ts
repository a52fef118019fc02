import { and, desc, eq, gte, ne, notInArray, or, sql } from 'drizzle-orm';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { RoutingSuggestion } from '../../../../../contracts/routing.js';
import { cases, visibleCaseSql } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE, hotlineRequests } from '../../requests/index.js';
import { defaultDuplicateSettings, findDuplicates, fingerprint, type DuplicateCandidate, type TextFingerprint } from '../rules/duplicates.js';
import type { RoutingKnowledge } from '../rules/suggest.js';
import { requestText, type RequestRow } from './request-text.js';

const DAY = 86_400_000;
/** Enough of the newest open requests at a township for a county; more would only cost time. */
const MAX_CANDIDATES = 300;

// A request's text never changes, so its fingerprint (one segmentation) is kept for reuse.
const fingerprints = new Map<string, TextFingerprint>();
function cachedFingerprint(caseId: string, text: string): TextFingerprint {
  let fp = fingerprints.get(caseId);
  if (!fp) {
    if (fingerprints.size >= 20_000) fingerprints.delete(fingerprints.keys().next().value!);
    fp = fingerprint(text);
    fingerprints.set(caseId, fp);
  }
  return fp;
}

/**
 * Open requests about the same problem at the same place, and this caller's recent requests.
 * Candidates are the newest open requests of the same township within the window, and the
 * caller's own within theirs; the place itself is the community, or place words in the texts.
 */
export async function duplicatesFor(tx: Db, row: RequestRow, k: RoutingKnowledge, reader: Actor = SYSTEM): Promise<RoutingSuggestion['duplicates']> {
  const settings = defaultDuplicateSettings();
  const since = new Date(row.receivedAt.getTime() - settings.windowDays * DAY);
  const callerSince = new Date(row.receivedAt.getTime() - settings.callerWindowDays * DAY);
  const sameTownship = row.townshipCode
    ? and(eq(hotlineRequests.townshipCode, row.townshipCode), gte(hotlineRequests.receivedAt, since), notInArray(cases.state, ['closed', 'merged']))
    : undefined;
  const sameCaller = row.callerKey ? and(eq(hotlineRequests.callerKey, row.callerKey), gte(hotlineRequests.receivedAt, callerSince)) : undefined;
  if (!sameTownship && !sameCaller) return [];
  const rows = await tx
    .select({ request: hotlineRequests, state: cases.state })
    .from(hotlineRequests)
    .innerJoin(cases, eq(cases.id, hotlineRequests.caseId))
    // Only requests the reader may open: a unit handling one request must not learn of others.
    .where(and(ne(hotlineRequests.caseId, row.caseId), or(sameTownship, sameCaller), sql`${hotlineRequests.receivedAt} <= ${row.receivedAt.toISOString()}`,
      visibleCaseSql(HOTLINE_CASE_TYPE, reader)))
    .orderBy(desc(hotlineRequests.receivedAt))
    .limit(MAX_CANDIDATES);
  const candidate = (r: RequestRow): DuplicateCandidate => {
    const text = requestText(r);
    const placeLabel = r.villageCode ? k.townships.get(r.townshipCode ?? '')?.villages.get(r.villageCode) : undefined;
    return {
      id: r.caseId,
      text,
      placeKey: r.villageCode,
      ...(placeLabel ? { placeLabel } : {}),
      receivedAt: r.receivedAt,
      callerKey: r.callerKey,
      fingerprint: cachedFingerprint(r.caseId, text),
    };
  };
  const byId = new Map(rows.map((r) => [r.request.caseId, r]));
  return findDuplicates(candidate(row), rows.map((r) => candidate(r.request)), settings).map((m) => ({
    caseId: m.id,
    trackingCode: byId.get(m.id)!.request.trackingCode,
    score: m.score,
    kind: m.kind,
    action: m.action,
    reasons: m.reasons,
    state: byId.get(m.id)!.state,
  }));
}
