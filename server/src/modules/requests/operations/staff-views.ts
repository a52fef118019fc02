import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ClockStatus } from '../../../../../contracts/requests.js';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { availableActionsFor, caseClocks, cases, getCaseType, listCaseEvents, WARNING_SHARE } from '../../cases/index.js';
import { findUnits, findUsers } from '../../orgs/index.js';
import { ACTION_FORMS } from '../action-forms.js';
import type { ReferenceData } from '../reference-data.js';
import { canSeeRequest, HOTLINE_CASE_TYPE } from '../requests.access.js';
import { requestError } from '../requests.errors.js';
import {
  ACTION_CONFIRM, ACTION_LABELS, CLOCK_LABELS, DISPATCH_ROLE_LABELS, DISPATCH_STATUS_LABELS, EVENT_LABELS, INNER_EVENT_TEXT, KNOWLEDGE_CITED, SATISFACTION_LABELS, STATE_LABELS, URGENCY_LABELS,
} from '../requests.strings.js';
import { hotlineAttachments, hotlineDispatches, hotlineEvaluations, hotlineRequests } from '../requests.tables.js';
import { maskName, maskPhone } from '../rules/mask.js';

export function clockStatus(startedAt: Date, dueAt: Date, now: Date): ClockStatus {
  if (now >= dueAt) return 'red';
  return now.getTime() >= startedAt.getTime() + (dueAt.getTime() - startedAt.getTime()) * WARNING_SHARE ? 'yellow' : 'green';
}

/**
 * Who calls requesters back and so sees their name and number: the center, and the handlers of
 * a unit the case is with (the lead, a co-handler, a community or grid it was sent on to).
 */
async function seesRequester(tx: Db, actor: Extract<Actor, { userId: number }>, caseId: string, organUnitId: number | null): Promise<boolean> {
  if (actor.role === 'operator' || actor.role === 'dispatcher') return actor.unitId === organUnitId;
  if (actor.role !== 'handler') return false;
  const rows = await tx
    .select({ id: hotlineDispatches.id })
    .from(hotlineDispatches)
    .where(and(eq(hotlineDispatches.caseId, caseId), eq(hotlineDispatches.unitId, actor.unitId),
      inArray(hotlineDispatches.status, ['pending', 'signed', 'replied'])));
  return rows.length > 0;
}

export async function requestDetail(tx: Db, actor: Actor, caseId: string, reference: ReferenceData, now: Date) {
  if (!isStaff(actor) || !(await canSeeRequest(tx, caseId, actor))) throw requestError('REQUEST_NOT_FOUND');
  const [[c], [r], dispatches, evaluations, events, clocks, attachments] = await Promise.all([
    tx.select().from(cases).where(eq(cases.id, caseId)),
    tx.select().from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId)),
    tx.select().from(hotlineDispatches).where(eq(hotlineDispatches.caseId, caseId)).orderBy(asc(hotlineDispatches.dispatchedAt)),
    tx.select().from(hotlineEvaluations).where(eq(hotlineEvaluations.caseId, caseId)).orderBy(asc(hotlineEvaluations.at)),
    listCaseEvents(tx, caseId),
    tx.select().from(caseClocks).where(eq(caseClocks.caseId, caseId)),
    tx.select({ id: hotlineAttachments.id, mimeType: hotlineAttachments.mimeType, size: hotlineAttachments.size })
      .from(hotlineAttachments).where(eq(hotlineAttachments.caseId, caseId)),
  ]);
  if (!c || !r) throw requestError('REQUEST_NOT_FOUND');
  const units = await findUnits(tx, [...dispatches.map((d) => d.unitId), ...events.map((e) => e.actorUnitId ?? 0), ...clocks.map((k) => k.unitId ?? 0), r.repliedByUnitId ?? 0]);
  const people = await findUsers(tx, events.map((e) => e.actorUserId ?? 0));
  const full = await seesRequester(tx, actor, caseId, c.organUnitId);
  const unitName = (id: number | null) => (id ? (units.get(id)?.name ?? null) : null);
  const dispatchUnit = new Map(dispatches.map((d) => [d.id, unitName(d.unitId) ?? '']));
  // The inner answers the lead's last reply rests on (an event's facts, so as the reply was given).
  const lastReply = events.filter((e) => e.type === 'reply').at(-1);
  const cited = new Set(((lastReply?.payload.facts as { innerReplies?: string[] } | undefined)?.innerReplies ?? []));
  return {
    caseId: c.id,
    trackingCode: r.trackingCode,
    state: c.state,
    stateLabel: STATE_LABELS[c.state as keyof typeof STATE_LABELS],
    request: {
      title: r.title,
      content: r.content,
      channel: r.channel,
      channelClient: r.channelClient,
      requestType: r.requestType,
      categoryCode: r.categoryCode,
      categoryName: r.categoryCode ? (reference.categories.get(r.categoryCode)?.name ?? null) : null,
      urgency: r.urgency,
      urgencyLabel: URGENCY_LABELS[r.urgency],
      townshipCode: r.townshipCode,
      townshipName: reference.townships.get(r.townshipCode ?? '')?.name ?? null,
      villageName: r.villageCode ? (reference.townships.get(r.townshipCode ?? '')?.villages.get(r.villageCode) ?? null) : null,
      address: r.address,
      requesterName: full ? r.requesterName : maskName(r.requesterName),
      requesterPhone: full ? r.requesterPhone : maskPhone(r.requesterPhone),
      requesterEmail: full ? r.requesterEmail : r.requesterEmail && '***',
      location: full && r.latitude !== null && r.longitude !== null ? { lat: r.latitude, long: r.longitude } : null,
      mediaUrl: r.mediaUrl,
      requesterMasked: !full,
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      reply: r.replyText,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      repliedBy: unitName(r.repliedByUnitId),
      replyCites: dispatches.filter((d) => cited.has(d.id)).map((d) => ({
        dispatchId: d.id, unitName: unitName(d.unitId), roleLabel: DISPATCH_ROLE_LABELS[d.role], reply: d.replyText,
      })),
      knowledgeEntry: knowledgeEntryOf(events),
    },
    attachments: attachments.map((a) => ({ ...a, url: `/api/requests/${caseId}/attachments/${a.id}` })),
    dispatches: dispatches.map((d) => ({
      id: d.id,
      unitId: d.unitId,
      unitName: unitName(d.unitId),
      role: d.role,
      roleLabel: DISPATCH_ROLE_LABELS[d.role],
      status: d.status,
      statusLabel: DISPATCH_STATUS_LABELS[d.status],
      dispatchedAt: d.dispatchedAt.toISOString(),
      signedAt: d.signedAt?.toISOString() ?? null,
      contactedAt: d.contactedAt?.toISOString() ?? null,
      responseDueAt: d.responseDueAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      returnReason: d.returnReason,
      extensionReason: d.extensionReason,
      extended: d.extended,
      parentId: d.parentId,
      instruction: d.instruction,
      reply: d.replyText,
      repliedAt: d.repliedAt?.toISOString() ?? null,
      // An extension and a return are different things with different reasons: pages show them apart.
      extension: d.extensionReason ? { status: d.extended ? ('approved' as const) : ('pending' as const), reason: d.extensionReason } : null,
    })),
    evaluations: evaluations.map((e) => ({
      source: e.source,
      at: e.at.toISOString(),
      resolved: e.resolved,
      satisfaction: e.satisfaction,
      satisfactionLabel: SATISFACTION_LABELS[e.satisfaction],
      comment: e.comment,
      rectificationDueAt: e.rectificationDueAt?.toISOString() ?? null,
      rectifiedAt: e.rectifiedAt?.toISOString() ?? null,
    })),
    clocks: clocks
      .filter((k) => !k.stoppedAt)
      .map((k) => ({
        id: k.id, name: k.name, ruleId: k.ruleId, dueAt: k.dueAt.toISOString(), status: clockStatus(k.startedAt, k.dueAt, now),
        // Whose clock it is, where the case runs one per unit called in.
        unitName: k.name === 'inner' ? unitName(k.unitId) : null,
      })),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      type: e.type,
      label: EVENT_LABELS[e.type] ?? e.type,
      actorName: e.actorUserId ? (people.get(e.actorUserId)?.displayName ?? null) : e.actorRole === 'citizen' ? '诉求人' : '系统',
      unitName: unitName(e.actorUnitId),
      text: describeEvent(e.payload, dispatchUnit),
    })),
    availableActions: await actionForms(tx, c, actor, now),
  };
}

/** The actions the actor may take now, each with its form; a unit field lists exactly the units the action may go to. */
async function actionForms(tx: Db, c: typeof cases.$inferSelect, actor: Actor, now: Date) {
  const ctx = { tx, caseId: c.id, state: c.state, organUnitId: c.organUnitId, ownerUnitId: c.ownerUnitId, actor, input: {}, now };
  return Promise.all((await availableActionsFor(tx, c.id, actor, now)).map(async (action) => {
    const definition = getCaseType(HOTLINE_CASE_TYPE).actions[action];
    const choices = (await definition?.choices?.(ctx)) ?? {};
    return {
      action,
      label: ACTION_LABELS[action as keyof typeof ACTION_LABELS],
      fields: (ACTION_FORMS[action] ?? []).map((field) => (choices[field.name] ? { ...field, options: [...choices[field.name]!] } : field)),
      confirm: ACTION_CONFIRM[action as keyof typeof ACTION_LABELS] ?? null,
    };
  }));
}

/** The knowledge entry the latest direct answer rested on, as its event recorded it. */
function knowledgeEntryOf(events: Array<{ type: string; payload: Record<string, unknown> }>) {
  const answer = events.filter((e) => e.type === 'answer_directly').at(-1);
  const cited = (answer?.payload.facts as { knowledgeEntry?: { caseId?: unknown; question?: unknown; revision?: unknown } } | undefined)?.knowledgeEntry;
  return cited && typeof cited.caseId === 'string' ? { caseId: cited.caseId, question: String(cited.question ?? ''), revision: Number(cited.revision ?? 0) } : null;
}

function describeEvent(payload: Record<string, unknown>, dispatchUnit: Map<string, string>): string {
  const input = (payload.input ?? {}) as Record<string, unknown>;
  const facts = (payload.facts ?? {}) as Record<string, unknown>;
  const cited = facts.knowledgeEntry as { question?: unknown } | undefined;
  const names = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => dispatchUnit.get(String(id)) ?? '').filter(Boolean).join('、') : '');
  const parts = [
    input.reply, input.reason, input.ruling, input.note, input.comment, facts.unitName ? `承办单位：${facts.unitName}` : null,
    Array.isArray(facts.unitNames) ? INNER_EVENT_TEXT.units(facts.unitNames.join('、')) : null,
    typeof input.replyBy === 'string' ? INNER_EVENT_TEXT.replyBy(input.replyBy) : null,
    names(facts.innerReplies) ? INNER_EVENT_TEXT.cites(names(facts.innerReplies)) : null,
    names(facts.withdrawn) ? INNER_EVENT_TEXT.withdrawn(names(facts.withdrawn)) : null,
    cited ? KNOWLEDGE_CITED(String(cited.question ?? '')) : null,
    payload.clock === 'inner' && typeof payload.subjectId === 'string' ? INNER_EVENT_TEXT.clockOf(CLOCK_LABELS.inner, dispatchUnit.get(payload.subjectId) ?? '') : null,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.join('；');
}


/** A photo the requester sent, for staff who may see the request. */
export async function requestAttachment(tx: Db, actor: Actor, caseId: string, attachmentId: string) {
  if (!(await canSeeRequest(tx, caseId, actor))) throw requestError('REQUEST_NOT_FOUND');
  const [row] = await tx.select().from(hotlineAttachments).where(and(eq(hotlineAttachments.caseId, caseId), eq(hotlineAttachments.id, attachmentId)));
  if (!row) throw requestError('REQUEST_NOT_FOUND');
  return row;
}
