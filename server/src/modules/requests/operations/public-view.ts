import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { listCaseEvents } from '../../cases/index.js';
import { cases } from '../../cases/index.js';
import { findUnits } from '../../orgs/index.js';
import type { ReferenceData } from '../reference-data.js';
import { requestError } from '../requests.errors.js';
import { PUBLIC_EVENT_TEXT, SATISFACTION_LABELS, STATE_LABELS } from '../requests.strings.js';
import { hotlineEvaluations, hotlineRequests } from '../requests.tables.js';
import { normaliseTrackingCode } from '../rules/tracking-code.js';

/** The case id behind a tracking code; any unknown or malformed code is the same 404. */
export async function caseIdForCode(tx: Db, code: string): Promise<string> {
  const normalised = normaliseTrackingCode(code);
  if (!normalised) throw requestError('REQUEST_NOT_FOUND');
  const [row] = await tx.select({ caseId: hotlineRequests.caseId }).from(hotlineRequests).where(eq(hotlineRequests.trackingCode, normalised));
  if (!row) throw requestError('REQUEST_NOT_FOUND');
  return row.caseId;
}

/** What the requester sees with the tracking code: no staff names, no internal steps. */
export async function publicRequestView(tx: Db, code: string, reference: ReferenceData) {
  const caseId = await caseIdForCode(tx, code);
  const [[request], [row], events, evaluations] = await Promise.all([
    tx.select().from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId)),
    tx.select().from(cases).where(eq(cases.id, caseId)),
    listCaseEvents(tx, caseId),
    tx.select().from(hotlineEvaluations).where(eq(hotlineEvaluations.caseId, caseId)).orderBy(desc(hotlineEvaluations.at)),
  ]);
  if (!request || !row) throw requestError('REQUEST_NOT_FOUND');
  const state = row.state as keyof typeof STATE_LABELS;
  const units = await findUnits(tx, request.repliedByUnitId ? [request.repliedByUnitId] : []);
  const citizenEvaluation = evaluations.find((e) => e.source === 'citizen' && (!request.repliedAt || e.at >= request.repliedAt));
  return {
    trackingCode: request.trackingCode,
    status: state,
    statusLabel: STATE_LABELS[state],
    receivedAt: request.receivedAt.toISOString(),
    title: request.title,
    content: request.content,
    townshipName: reference.townships.get(request.townshipCode ?? '')?.name ?? null,
    timeline: events
      // A co-handler or a community signing for its part is the lead's business, not a step of the request.
      .filter((e) => PUBLIC_EVENT_TEXT[e.type] && !(e.type === 'sign' && ['assist', 'sub'].includes(String((e.payload.facts as { role?: string } | undefined)?.role))))
      .map((e) => ({ at: e.at.toISOString(), label: PUBLIC_EVENT_TEXT[e.type]!, text: e.type === 'reply' || e.type === 'answer_directly' ? String((e.payload.input as { reply?: string })?.reply ?? '') : '' })),
    reply: request.replyText
      ? { text: request.replyText, at: request.repliedAt!.toISOString(), unitName: units.get(request.repliedByUnitId ?? 0)?.name ?? null }
      : null,
    canEvaluate: (state === 'replied' || state === 'closed') && !citizenEvaluation,
    evaluation: citizenEvaluation
      ? { resolved: citizenEvaluation.resolved, satisfaction: citizenEvaluation.satisfaction, satisfactionLabel: SATISFACTION_LABELS[citizenEvaluation.satisfaction], at: citizenEvaluation.at.toISOString() }
      : null,
  };
}
