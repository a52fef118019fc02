import { desc, eq } from 'drizzle-orm';
import type { GrownDraft } from '../../../../../contracts/knowledge.js';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { cases } from '../../cases/index.js';
import { canSeeRequest, hotlineEvaluations, hotlineRequests } from '../../requests/index.js';
import { knowledgeError } from '../knowledge.errors.js';
import { maskPersonalDetails } from '../rules/entry-text.js';
import { writableUnits } from './entry-access.js';

export type { GrownDraft };

/**
 * A request whose reply may become an entry: one the maker sees, answered (已答复 or 已办结),
 * and not rated 不满意 at its latest rating. Most callers never rate a reply, and a consultation
 * answered well is exactly what the knowledge base wants, so an unrated reply qualifies; the
 * entry still passes the center's publication before any operator uses it.
 */
export async function eligibleSource(tx: Db, actor: Actor, caseId: string) {
  if (!(await canSeeRequest(tx, caseId, actor))) throw knowledgeError('KB_SOURCE_NOT_FOUND', { field: 'sourceCaseId' });
  const [row] = await tx.select({ request: hotlineRequests, state: cases.state }).from(hotlineRequests)
    .innerJoin(cases, eq(cases.id, hotlineRequests.caseId)).where(eq(hotlineRequests.caseId, caseId));
  if (!row) throw knowledgeError('KB_SOURCE_NOT_FOUND', { field: 'sourceCaseId' });
  const [latest] = await tx.select({ satisfaction: hotlineEvaluations.satisfaction }).from(hotlineEvaluations)
    .where(eq(hotlineEvaluations.caseId, caseId)).orderBy(desc(hotlineEvaluations.at)).limit(1);
  const answered = (row.state === 'replied' || row.state === 'closed') && !!row.request.replyText;
  if (!answered || latest?.satisfaction === 'dissatisfied') throw knowledgeError('KB_SOURCE_NOT_ELIGIBLE', { field: 'sourceCaseId' });
  return row.request;
}

/** A draft's text pre-filled from a request's question and its reply, numbers that identify a person masked. */
export async function draftFromRequest(tx: Db, actor: Actor, caseId: string): Promise<GrownDraft> {
  const owners = await writableUnits(tx, actor);
  if (owners.length === 0) throw knowledgeError('KB_NOT_EDITOR');
  const request = await eligibleSource(tx, actor, caseId);
  const replied = owners.find((u) => u.id === request.repliedByUnitId);
  return {
    question: maskPersonalDetails(request.title?.trim() ? `${request.title.trim()}：${request.content}` : request.content).slice(0, 500),
    answer: maskPersonalDetails(request.replyText ?? '').slice(0, 5000),
    categoryCode: request.categoryCode,
    sourceCaseId: request.caseId,
    sourceTrackingCode: request.trackingCode,
    ownerUnitId: (replied ?? owners[0]!).id,
  };
}
