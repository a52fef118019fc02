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
import { LANDLINE, MAINLAND_MOBILE } from '../rules/mask.js';
import { categoriesForTerm } from '../category-sources.js';
import { clockStatus } from './staff-views.js';
import { callerKey } from './submit-request.js';

export type ListQuery = ListRequestsQuery;

/**
 * The clocks a request's list row shows: the unit's handling limit, or its rectification limit;
 * to a co-handler or a community, the limit it answers the lead on.
 */
const LISTED_CLOCKS = ['handling', 'rectification', 'inner'];

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
      // The clocks inner dispatches answer the lead on are the lead's to watch, not the center's.
      return sql`${cases.organUnitId} = ${actor.unitId} and exists (select 1 from case_clocks k where k.case_id = ${cases.id} and k.stopped_at is null and k.urge_level > 0 and k.name <> 'inner')`;
    case 'admin':
      return sql`${cases.state} <> 'closed'`;
    default:
      // A co-handler's or a community's work ends with the case's handling: a dispatch left open
      // after the lead answered is no longer anyone's work.
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
export async function filterConditions(
  tx: Db, actor: Extract<Actor, { userId: number }>, query: Omit<ListQuery, 'page' | 'pageSize'>, reference: ReferenceData, now: Date,
): Promise<SQL[]> {
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
  if (query.q) conditions.push(await searchCondition(tx, query.q.trim(), actor, reference));
  return conditions;
}

/**
 * What a search box finds: words of the text, title or tracking code; a category by its name
 * or by a word the duty lists file under it (路灯 finds every request filed under 基础设施),
 * with its sub-categories; and, for the center who calls requesters back, a phone number finds
 * that caller's requests through the keyed hash intake keeps (the number itself is never searched).
 */
async function searchCondition(tx: Db, q: string, actor: Extract<Actor, { userId: number }>, reference: ReferenceData): Promise<SQL> {
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
    .orderBy(desc(hotlineRequests.receivedAt), desc(cases.id))
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
  const where = and(eq(cases.caseType, HOTLINE_CASE_TYPE), visibleCaseSql(HOTLINE_CASE_TYPE, actor), eq(hotlineRequests.callerKey, callerKey(digits)));
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

/** One page of the caller's requests, each with the batch actions they may take on it now. */
export async function listRequests(tx: Db, actor: Actor, query: ListQuery, reference: ReferenceData, now: Date) {
  if (!isStaff(actor)) return { items: [], total: 0 };
  const where = and(...(await filterConditions(tx, actor, query, reference, now)));
  const { total, rows } = await requestsPage(tx, where, query.pageSize, (query.page - 1) * query.pageSize);
  const caseIds = rows.map((r) => r.c.id);
  const clocks = caseIds.length
    ? await tx.select().from(caseClocks).where(and(inArray(caseClocks.caseId, caseIds), isNull(caseClocks.stoppedAt), inArray(caseClocks.name, LISTED_CLOCKS)))
    : [];
  // A co-handler or a grid worker runs on its own clock to the lead; everyone else sees the case's.
  const clockOf = (caseId: string) =>
    clocks.find((k) => k.caseId === caseId && k.name === 'inner' && k.unitId === actor.unitId) ?? clocks.find((k) => k.caseId === caseId && k.name !== 'inner');
  const units = await findUnits(tx, rows.map((r) => r.c.ownerUnitId ?? 0));
  // The same checks as the detail page's buttons, for the list's batch actions only.
  const batchActions = new Map<string, string[]>();
  for (const id of caseIds) batchActions.set(id, await availableActionsFor(tx, id, actor, now, BATCH_ACTIONS));
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
        batchActions: batchActions.get(c.id) ?? [],
      };
    }),
  };
}
