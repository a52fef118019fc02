import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ClockStatus, ListRequestsQuery } from '../../../../../contracts/requests.js';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { availableActionsFor, caseClocks, cases, listCaseEvents, visibleCaseSql, WARNING_SHARE, type ActionDefinition } from '../../cases/index.js';
import { findUnits, findUsers } from '../../orgs/index.js';
import { ACTION_FORMS } from '../action-forms.js';
import { hotlineCaseType } from '../hotline-case-type.js';
import type { ReferenceData } from '../reference-data.js';
import { canSeeRequest } from '../requests.access.js';
import { requestError } from '../requests.errors.js';
import {
  ACTION_LABELS, CLOCK_LABELS, DISPATCH_ROLE_LABELS, DISPATCH_STATUS_LABELS, EVENT_LABELS, INNER_EVENT_TEXT, KNOWLEDGE_CITED, SATISFACTION_LABELS, STATE_LABELS, URGENCY_LABELS,
} from '../requests.strings.js';
import { hotlineAttachments, hotlineDispatches, hotlineEvaluations, hotlineRequests } from '../requests.tables.js';
import { LANDLINE, MAINLAND_MOBILE, maskName, maskPhone } from '../rules/mask.js';
import { callerKey } from './submit-request.js';
import { categoriesForTerm } from '../category-sources.js';

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
      // The clocks inner dispatches answer the lead on are the lead's to watch, not the center's.
      return sql`${cases.organUnitId} = ${actor.unitId} and exists (select 1 from case_clocks k where k.case_id = ${cases.id} and k.stopped_at is null and k.urge_level > 0 and k.name <> 'inner')`;
    case 'admin':
      return sql`${cases.state} <> 'closed'`;
    default:
      return sql`exists (select 1 from hotline_dispatches d
        where d.case_id = ${cases.id} and d.unit_id = ${actor.unitId}
          and (d.status in ('pending', 'signed') or (d.role = 'lead' and ${cases.state} = 'rectifying')))`;
  }
}

/**
 * What a search box finds: words of the text, title or tracking code; a category by its name
 * or by a word the duty lists file under it (路灯 finds every request filed under 基础设施),
 * with its sub-categories;
 * and, for the center who calls requesters back, a phone number finds that caller's requests
 * through the keyed hash intake keeps (the number itself is never searched).
 */
async function searchCondition(tx: Db, q: string, actor: Extract<Actor, { userId: number }>, reference: ReferenceData) {
  const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  const found = [sql`${hotlineRequests.content} like ${like}`, sql`${hotlineRequests.title} like ${like}`, sql`${hotlineRequests.trackingCode} like ${like}`];
  const named = [...[...reference.categories.values()].filter((c) => c.name.includes(q)).map((c) => c.code), ...(await categoriesForTerm(tx, q))];
  if (named.length) {
    const codes = [...reference.categories.keys()].filter((code) => named.some((n) => code.startsWith(n)));
    found.push(inArray(hotlineRequests.categoryCode, codes));
  }
  const digits = q.replace(/[\s-]/g, '');
  if ((actor.role === 'operator' || actor.role === 'dispatcher') && (MAINLAND_MOBILE.test(digits) || LANDLINE.test(digits))) {
    found.push(eq(hotlineRequests.callerKey, callerKey(digits)));
  }
  return sql`(${sql.join(found, sql` or `)})`;
}

/** One page of requests matching a condition, newest first, and how many match in all. */
async function requestsPage(tx: Db, where: SQL | undefined, limit: number, offset: number) {
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
    .limit(limit)
    .offset(offset);
  return { total, rows };
}

/**
 * A caller recognised at intake: the requests the same number made before (newest first, the
 * ten latest), for the center's operators while the call is open. The number is matched by
 * its keyed hash; the answer carries no number.
 */
export async function callerHistory(tx: Db, actor: Actor, phone: string, reference: ReferenceData) {
  if (!isStaff(actor)) return { total: 0, items: [] };
  const digits = phone.replace(/[\s-]/g, '');
  if (!MAINLAND_MOBILE.test(digits) && !LANDLINE.test(digits)) throw requestError('PHONE_INVALID', { field: 'phone' });
  const where = and(eq(cases.caseType, hotlineCaseType.name), visibleCaseSql(hotlineCaseType.name, actor), eq(hotlineRequests.callerKey, callerKey(digits)));
  const { total, rows } = await requestsPage(tx, where, 10, 0);
  return {
    total,
    items: rows.map(({ c, r }) => ({
      caseId: c.id,
      trackingCode: r.trackingCode,
      receivedAt: r.receivedAt.toISOString(),
      state: c.state,
      stateLabel: STATE_LABELS[c.state as keyof typeof STATE_LABELS] ?? c.state,
      title: r.title ?? r.content.slice(0, 30),
      categoryName: r.categoryCode ? (reference.categories.get(r.categoryCode)?.name ?? null) : null,
    })),
  };
}

export async function listRequests(tx: Db, actor: Actor, query: ListQuery, reference: ReferenceData, now: Date) {
  if (!isStaff(actor)) return { items: [], total: 0 };
  const conditions = [eq(cases.caseType, hotlineCaseType.name), visibleCaseSql(hotlineCaseType.name, actor)];
  if (query.view === 'todo') conditions.push(todoCondition(actor));
  if (query.state) conditions.push(eq(cases.state, query.state));
  if (query.townshipCode) conditions.push(eq(hotlineRequests.townshipCode, query.townshipCode));
  if (query.q) conditions.push(await searchCondition(tx, query.q.trim(), actor, reference));
  const { total, rows } = await requestsPage(tx, and(...conditions), query.pageSize, (query.page - 1) * query.pageSize);
  const caseIds = rows.map((r) => r.c.id);
  const clocks = caseIds.length
    ? await tx.select().from(caseClocks).where(and(inArray(caseClocks.caseId, caseIds), isNull(caseClocks.stoppedAt), inArray(caseClocks.name, ['handling', 'rectification', 'inner'])))
    : [];
  // A co-handler or a grid worker runs on its own clock to the lead; everyone else sees the case's.
  const clockOf = (caseId: string) =>
    clocks.find((k) => k.caseId === caseId && k.name === 'inner' && k.unitId === actor.unitId) ?? clocks.find((k) => k.caseId === caseId && k.name !== 'inner');
  const units = await findUnits(tx, rows.map((r) => r.c.ownerUnitId ?? 0));
  return {
    total,
    items: rows.map(({ c, r }) => {
      const clock = clockOf(c.id);
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
    const definition = (hotlineCaseType.actions as Record<string, ActionDefinition | undefined>)[action];
    const choices = (await definition?.choices?.(ctx)) ?? {};
    return {
      action,
      label: ACTION_LABELS[action as keyof typeof ACTION_LABELS],
      fields: (ACTION_FORMS[action] ?? []).map((field) => (choices[field.name] ? { ...field, options: [...choices[field.name]!] } : field)),
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
