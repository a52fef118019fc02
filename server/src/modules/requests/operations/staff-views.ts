import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ClockStatus, ListRequestsQuery } from '../../../../../contracts/requests.js';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { availableActionsFor, caseClocks, cases, listCaseEvents, visibleCaseSql, WARNING_SHARE } from '../../cases/index.js';
import { findUnits, findUsers } from '../../orgs/index.js';
import { ACTION_FORMS } from '../action-forms.js';
import { hotlineCaseType } from '../hotline-case-type.js';
import type { ReferenceData } from '../reference-data.js';
import { canSeeRequest } from '../requests.access.js';
import { requestError } from '../requests.errors.js';
import {
  ACTION_LABELS, DISPATCH_ROLE_LABELS, DISPATCH_STATUS_LABELS, EVENT_LABELS, SATISFACTION_LABELS, STATE_LABELS, URGENCY_LABELS,
} from '../requests.strings.js';
import { hotlineAttachments, hotlineDispatches, hotlineEvaluations, hotlineRequests } from '../requests.tables.js';
import { maskName, maskPhone } from '../rules/mask.js';

export function clockStatus(startedAt: Date, dueAt: Date, now: Date): ClockStatus {
  if (now >= dueAt) return 'red';
  return now.getTime() >= startedAt.getTime() + (dueAt.getTime() - startedAt.getTime()) * WARNING_SHARE ? 'yellow' : 'green';
}

export type ListQuery = ListRequestsQuery;

/**
 * What each role has to act on: the work waiting in its place of the workflow. The center's
 * work waits for the center's people; a unit's for the unit's own people (they act for it).
 */
function todoCondition(actor: Extract<Actor, { userId: number }>) {
  switch (actor.role) {
    case 'operator':
      return sql`${cases.organUnitId} = ${actor.unitId} and ${cases.state} in ('received', 'replied')`;
    case 'dispatcher':
      return sql`${cases.organUnitId} = ${actor.unitId} and (${cases.state} in ('received', 'returned') or exists (select 1 from hotline_dispatches d
        where d.case_id = ${cases.id} and d.status = 'signed' and d.extension_reason is not null and not d.extended))`;
    case 'supervisor':
      return sql`${cases.organUnitId} = ${actor.unitId} and exists (select 1 from case_clocks k where k.case_id = ${cases.id} and k.stopped_at is null and k.urge_level > 0)`;
    case 'admin':
      return sql`${cases.state} <> 'closed'`;
    default:
      return sql`exists (select 1 from hotline_dispatches d
        where d.case_id = ${cases.id} and d.unit_id = ${actor.unitId}
          and (d.status in ('pending', 'signed') or (d.role = 'lead' and ${cases.state} = 'rectifying')))`;
  }
}

export async function listRequests(tx: Db, actor: Actor, query: ListQuery, reference: ReferenceData, now: Date) {
  if (!isStaff(actor)) return { items: [], total: 0 };
  const conditions = [eq(cases.caseType, hotlineCaseType.name), visibleCaseSql(hotlineCaseType.name, actor)];
  if (query.view === 'todo') conditions.push(todoCondition(actor));
  if (query.state) conditions.push(eq(cases.state, query.state));
  if (query.townshipCode) conditions.push(eq(hotlineRequests.townshipCode, query.townshipCode));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(sql`(${hotlineRequests.content} like ${like} or ${hotlineRequests.title} like ${like} or ${hotlineRequests.trackingCode} like ${like})`);
  }
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(hotlineRequests, eq(hotlineRequests.caseId, cases.id))
    .where(where);
  const rows = await tx
    .select({ c: cases, r: hotlineRequests })
    .from(cases)
    .innerJoin(hotlineRequests, eq(hotlineRequests.caseId, cases.id))
    .where(where)
    .orderBy(desc(hotlineRequests.receivedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const caseIds = rows.map((r) => r.c.id);
  const clocks = caseIds.length
    ? await tx.select().from(caseClocks).where(and(inArray(caseClocks.caseId, caseIds), isNull(caseClocks.stoppedAt), inArray(caseClocks.name, ['handling', 'rectification'])))
    : [];
  const units = await findUnits(tx, rows.map((r) => r.c.ownerUnitId ?? 0));
  return {
    total,
    items: rows.map(({ c, r }) => {
      const clock = clocks.find((k) => k.caseId === c.id);
      return {
        caseId: c.id,
        trackingCode: r.trackingCode,
        state: c.state,
        stateLabel: STATE_LABELS[c.state as keyof typeof STATE_LABELS] ?? c.state,
        title: r.title ?? r.content.slice(0, 30),
        summary: r.content.slice(0, 80),
        channel: r.channel,
        requestType: r.requestType,
        categoryName: r.categoryCode ? (reference.categories.get(r.categoryCode)?.name ?? null) : null,
        townshipName: reference.townships.get(r.townshipCode ?? '')?.name ?? null,
        unitName: c.ownerUnitId ? (units.get(c.ownerUnitId)?.name ?? null) : null,
        urgency: r.urgency,
        receivedAt: r.receivedAt.toISOString(),
        clock: clock ? { dueAt: clock.dueAt.toISOString(), status: clockStatus(clock.startedAt, clock.dueAt, now) } : null,
      };
    }),
  };
}

/** Who calls requesters back and so sees their name and number: the center, and the lead unit's handlers. */
async function seesRequester(tx: Db, actor: Extract<Actor, { userId: number }>, caseId: string, organUnitId: number | null): Promise<boolean> {
  if (actor.role === 'operator' || actor.role === 'dispatcher') return actor.unitId === organUnitId;
  if (actor.role !== 'handler') return false;
  const rows = await tx
    .select({ id: hotlineDispatches.id })
    .from(hotlineDispatches)
    .where(and(eq(hotlineDispatches.caseId, caseId), eq(hotlineDispatches.unitId, actor.unitId), eq(hotlineDispatches.role, 'lead'),
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
  const units = await findUnits(tx, [...dispatches.map((d) => d.unitId), ...events.map((e) => e.actorUnitId ?? 0), r.repliedByUnitId ?? 0]);
  const people = await findUsers(tx, events.map((e) => e.actorUserId ?? 0));
  const full = await seesRequester(tx, actor, caseId, c.organUnitId);
  const unitName = (id: number | null) => (id ? (units.get(id)?.name ?? null) : null);
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
      .map((k) => ({ name: k.name, ruleId: k.ruleId, dueAt: k.dueAt.toISOString(), status: clockStatus(k.startedAt, k.dueAt, now) })),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      type: e.type,
      label: EVENT_LABELS[e.type] ?? e.type,
      actorName: e.actorUserId ? (people.get(e.actorUserId)?.displayName ?? null) : e.actorRole === 'citizen' ? '诉求人' : '系统',
      unitName: unitName(e.actorUnitId),
      text: describeEvent(e.payload),
    })),
    availableActions: (await availableActionsFor(tx, caseId, actor, now)).map((action) => ({
      action,
      label: ACTION_LABELS[action as keyof typeof ACTION_LABELS],
      fields: ACTION_FORMS[action] ?? [],
    })),
  };
}

function describeEvent(payload: Record<string, unknown>): string {
  const input = (payload.input ?? {}) as Record<string, unknown>;
  const facts = (payload.facts ?? {}) as Record<string, unknown>;
  const parts = [input.reply, input.reason, input.ruling, input.note, input.comment, facts.unitName ? `承办单位：${facts.unitName}` : null]
    .filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.join('；');
}


/** A photo the requester sent, for staff who may see the request. */
export async function requestAttachment(tx: Db, actor: Actor, caseId: string, attachmentId: string) {
  if (!(await canSeeRequest(tx, caseId, actor))) throw requestError('REQUEST_NOT_FOUND');
  const [row] = await tx.select().from(hotlineAttachments).where(and(eq(hotlineAttachments.caseId, caseId), eq(hotlineAttachments.id, attachmentId)));
  if (!row) throw requestError('REQUEST_NOT_FOUND');
  return row;
}
