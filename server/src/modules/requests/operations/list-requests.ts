import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { BATCH_ACTIONS, type ListRequestsQuery } from '../../../../../contracts/requests.js';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { availableActionsFor, caseClocks, cases, visibleCaseSql, WARNING_SHARE } from '../../cases/index.js';
import { findUnits } from '../../orgs/index.js';
import { HOTLINE_CASE_TYPE } from '../requests.access.js';
import type { ReferenceData } from '../reference-data.js';
import { requestError } from '../requests.errors.js';
import { STATE_LABELS } from '../requests.strings.js';
import { hotlineRequests } from '../requests.tables.js';
import { clockStatus } from './staff-views.js';

export type ListQuery = ListRequestsQuery;

/** The clocks a request's list row shows: the unit's handling limit, or its rectification limit. */
const LISTED_CLOCKS = ['handling', 'rectification'];

/**
 * What each role has to act on: the work waiting in its place of the workflow. The center's
 * work waits for the center's people; a unit's for the unit's own people (they act for it).
 */
function todoCondition(actor: Extract<Actor, { userId: number }>): SQL {
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
      // A co-handler's work ends with the case's handling: its dispatch left open after the
      // lead answered is no longer anyone's work.
      return sql`exists (select 1 from hotline_dispatches d
        where d.case_id = ${cases.id} and d.unit_id = ${actor.unitId}
          and ((d.status in ('pending', 'signed') and ${cases.state} in ('dispatched', 'handling')) or (d.role = 'lead' and ${cases.state} = 'rectifying')))`;
  }
}

/** A China calendar day's first instant; `next` the day after's. */
const chinaDay = (day: string, next = false) => new Date(Date.parse(`${day}T00:00:00+08:00`) + (next ? 86_400_000 : 0));

/**
 * The running listed clock of a request in this colour, by the same rule as the row's tag
 * (clockStatus): red once due, yellow once the warning share of the time is used.
 */
function clockColour(colour: 'green' | 'yellow' | 'red', now: Date): SQL {
  const warnAt = sql`k.started_at + (k.due_at - k.started_at) * ${WARNING_SHARE}::float8`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const condition = colour === 'red' ? sql`k.due_at <= ${at}` : colour === 'yellow' ? sql`k.due_at > ${at} and ${warnAt} <= ${at}` : sql`${warnAt} > ${at}`;
  return sql`exists (select 1 from case_clocks k where k.case_id = ${cases.id} and k.stopped_at is null
    and k.name in ('handling', 'rectification') and ${condition})`;
}

/** The filters as SQL. Every one narrows what the caller may see anyway: scope is applied first. */
export function filterConditions(actor: Extract<Actor, { userId: number }>, query: Omit<ListQuery, 'page' | 'pageSize'>, now: Date): SQL[] {
  if (query.receivedFrom && query.receivedTo && query.receivedFrom > query.receivedTo) {
    throw requestError('DATE_RANGE_INVALID', { field: 'receivedTo' });
  }
  const conditions: SQL[] = [eq(cases.caseType, HOTLINE_CASE_TYPE), visibleCaseSql(HOTLINE_CASE_TYPE, actor)];
  if (query.view === 'todo') conditions.push(todoCondition(actor));
  if (query.state) conditions.push(eq(cases.state, query.state));
  if (query.townshipCode) conditions.push(eq(hotlineRequests.townshipCode, query.townshipCode));
  if (query.categoryCode) conditions.push(sql`${hotlineRequests.categoryCode} like ${`${query.categoryCode}%`}`);
  if (query.channel) conditions.push(eq(hotlineRequests.channel, query.channel));
  if (query.unitId !== undefined) {
    conditions.push(sql`${cases.ownerUnitId} in (select u.id from units u where u.path like (select p.path || '%' from units p where p.id = ${query.unitId}))`);
  }
  if (query.clock) conditions.push(clockColour(query.clock, now));
  if (query.receivedFrom) conditions.push(sql`${hotlineRequests.receivedAt} >= ${chinaDay(query.receivedFrom).toISOString()}::timestamptz`);
  if (query.receivedTo) conditions.push(sql`${hotlineRequests.receivedAt} < ${chinaDay(query.receivedTo, true).toISOString()}::timestamptz`);
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(sql`(${hotlineRequests.content} like ${like} or ${hotlineRequests.title} like ${like} or ${hotlineRequests.trackingCode} like ${like})`);
  }
  return conditions;
}

/** One page of the caller's requests, each with the batch actions they may take on it now. */
export async function listRequests(tx: Db, actor: Actor, query: ListQuery, reference: ReferenceData, now: Date) {
  if (!isStaff(actor)) return { items: [], total: 0 };
  const where = and(...filterConditions(actor, query, now));
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
    .orderBy(desc(hotlineRequests.receivedAt), desc(cases.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const caseIds = rows.map((r) => r.c.id);
  const clocks = caseIds.length
    ? await tx.select().from(caseClocks).where(and(inArray(caseClocks.caseId, caseIds), isNull(caseClocks.stoppedAt), inArray(caseClocks.name, LISTED_CLOCKS)))
    : [];
  const units = await findUnits(tx, rows.map((r) => r.c.ownerUnitId ?? 0));
  // The same checks as the detail page's buttons, for the list's batch actions only.
  const batchActions = new Map<string, string[]>();
  for (const id of caseIds) batchActions.set(id, await availableActionsFor(tx, id, actor, now, BATCH_ACTIONS));
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
        batchActions: batchActions.get(c.id) ?? [],
      };
    }),
  };
}
