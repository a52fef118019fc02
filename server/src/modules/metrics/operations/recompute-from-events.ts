import type { Database } from '../../../platform/db/database.js';
import { zeroCounts, type FigureCounts } from '../rules/figures.js';
import { chinaDate } from '../rules/period.js';

/**
 * The figures recomputed from the case events alone, without the projection tables or
 * the rollups: the check that the fast path (triggers on the projections) means what the
 * events say. Written independently of the SQL contribution functions on purpose.
 */
export interface Recomputation {
  /** `${day}|${unitId}` → the day's sums for the unit (only non-zero entries). */
  figures: Map<string, Omit<FigureCounts, 'requests' | 'merged'>>;
  /** `${scope}|${day}|${dimension}|${value}` → received and merged requests. */
  volume: Map<string, { requests: number; merged: number }>;
  cases: number;
  events: number;
}

interface EventRow {
  caseId: string;
  seq: number;
  type: string;
  at: Date;
  actorUnitId: number | null;
  payload: { input?: Record<string, any>; facts?: Record<string, any>; toState?: string; [key: string]: any };
}

interface DispatchState {
  unitId: number;
  dispatchedAt: Date;
  responseDueAt: Date;
  dueAt: Date;
  contactedAt: Date | null;
  repliedAt: Date | null;
  returnedAt: Date | null;
  responseLapsed: boolean;
  handlingLapsed: boolean;
}

interface EvaluationState {
  id: string;
  at: Date;
  unitId: number | null;
  source: 'citizen' | 'followup';
  resolved: boolean;
  satisfaction: string;
  rectificationDueAt: Date | null;
  rectifiedAt: Date | null;
  lapsed: boolean;
}

interface RequestState {
  receivedAt: Date;
  channel: string;
  townshipCode: string | null;
  requestType: string | null;
  categoryCode: string | null;
  mergedInto: string | null;
  state: string;
  closedAt: Date | null;
  hasReply: boolean;
  repliedByUnitId: number | null;
  dispatches: Map<string, DispatchState>;
  leadDispatchId: string | null;
  /** The lead dispatch events in order: the first is the one 一次办结率 asks about. */
  leadUnits: number[];
  wasReturned: boolean;
  wasReopened: boolean;
  evaluations: EvaluationState[];
}

const CASE_BATCH = 500;

/** Replays every 12345 case's events, a batch of cases at a time. */
export async function recomputeFromEvents(database: Database): Promise<Recomputation> {
  const out: Recomputation = { figures: new Map(), volume: new Map(), cases: 0, events: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await database.backend.query(
      `select id from cases where case_type = 'hotline_request' and id > $1 order by id limit ${CASE_BATCH}`,
      [after],
      'object',
    );
    const caseIds = (ids.rows as Array<{ id: string }>).map((r) => r.id);
    if (caseIds.length === 0) break;
    after = caseIds[caseIds.length - 1]!;
    const events = await database.backend.query(
      `select case_id as "caseId", seq, type, at, actor_unit_id as "actorUnitId", payload from case_events
        where case_id = any($1::uuid[]) order by case_id, seq`,
      [caseIds],
      'object',
    );
    let current = null as { caseId: string; events: EventRow[] } | null;
    const flush = () => {
      if (!current) return;
      out.cases++;
      contribute(out, replay(current.events));
    };
    for (const row of events.rows as EventRow[]) {
      out.events++;
      if (current?.caseId !== row.caseId) {
        flush();
        current = { caseId: row.caseId, events: [] };
      }
      current.events.push({ ...row, at: new Date(row.at) });
    }
    flush();
  }
  return out;
}

function replay(events: EventRow[]): RequestState {
  const request = open(events[0]!);
  for (const event of events.slice(1)) apply(request, event);
  return request;
}

function open(event: EventRow): RequestState {
  const p = event.payload;
  return {
    receivedAt: event.at,
    channel: p.channel,
    townshipCode: p.townshipCode ?? null,
    requestType: p.requestType ?? null,
    categoryCode: p.categoryCode ?? null,
    mergedInto: null,
    state: 'received',
    closedAt: null,
    hasReply: false,
    repliedByUnitId: null,
    dispatches: new Map(),
    leadDispatchId: null,
    leadUnits: [],
    wasReturned: false,
    wasReopened: false,
    evaluations: [],
  };
}

function apply(r: RequestState, e: EventRow): void {
  const input = e.payload.input ?? {};
  const facts = e.payload.facts ?? {};
  const lead = r.leadDispatchId ? r.dispatches.get(r.leadDispatchId) : undefined;
  if (input.requestType && ['classify', 'dispatch', 'redispatch'].includes(e.type)) r.requestType = input.requestType;
  if (input.categoryCode && ['classify', 'dispatch', 'redispatch'].includes(e.type)) r.categoryCode = input.categoryCode;
  switch (e.type) {
    case 'dispatch':
    case 'redispatch':
    case 'rule_owner':
      r.leadDispatchId = facts.dispatchId;
      r.leadUnits.push(input.unitId);
      r.dispatches.set(facts.dispatchId, {
        unitId: input.unitId, dispatchedAt: e.at, responseDueAt: new Date(facts.responseDueAt), dueAt: new Date(facts.handlingDueAt),
        contactedAt: null, repliedAt: null, returnedAt: null, responseLapsed: false, handlingLapsed: false,
      });
      break;
    case 'contact':
      if (lead && facts.dispatchId === r.leadDispatchId) lead.contactedAt ??= e.at;
      break;
    case 'return':
      if (lead) lead.returnedAt = e.at;
      r.wasReturned = true;
      break;
    case 'approve_extension':
      if (lead) {
        lead.dueAt = new Date(facts.dueAt);
        lead.handlingLapsed = false;
      }
      break;
    case 'reply': {
      if (lead) {
        lead.repliedAt ??= e.at;
        r.repliedByUnitId = lead.unitId;
      }
      r.hasReply = true;
      if (r.state === 'rectifying') {
        const bad = [...r.evaluations].reverse().find((v) => v.satisfaction === 'dissatisfied');
        if (bad && !bad.rectifiedAt) bad.rectifiedAt = e.at;
      }
      break;
    }
    case 'answer_directly':
      r.hasReply = true;
      r.repliedByUnitId = e.actorUnitId;
      break;
    case 'merge':
      r.mergedInto = input.parentCaseId;
      break;
    case 'follow_parent':
      r.hasReply = true;
      r.repliedByUnitId = facts.unitId ?? null;
      break;
    case 'follow_up':
    case 'citizen_evaluate': {
      const dissatisfied = input.satisfaction === 'dissatisfied';
      r.evaluations.push({
        id: facts.evaluationId, at: e.at, unitId: r.repliedByUnitId, source: e.type === 'follow_up' ? 'followup' : 'citizen', resolved: input.resolved,
        satisfaction: input.satisfaction, rectificationDueAt: dissatisfied && facts.rectificationDueAt ? new Date(facts.rectificationDueAt) : null,
        rectifiedAt: null, lapsed: false,
      });
      if (!dissatisfied && r.state !== 'closed') r.closedAt = e.at;
      break;
    }
    case 'reopen':
      r.closedAt = null;
      r.wasReopened = true;
      break;
    case 'hand_over':
      // The merged unit's open dispatches now count for the unit it was merged into.
      for (const id of facts.dispatchIds ?? []) {
        const dispatch = r.dispatches.get(id);
        if (dispatch) dispatch.unitId = input.toUnitId;
      }
      break;
    case 'auto_supervise': {
      const clock = e.payload.clock;
      const subject = e.payload.subjectId;
      const dispatch = subject ? r.dispatches.get(subject) : undefined;
      if (clock === 'response' && dispatch) dispatch.responseLapsed = true;
      if (clock === 'handling' && dispatch) dispatch.handlingLapsed = true;
      const evaluation = clock === 'rectification' ? r.evaluations.find((v) => v.id === subject) : undefined;
      if (evaluation) evaluation.lapsed = true;
      break;
    }
  }
  if (e.payload.toState) r.state = e.payload.toState;
}

function withoutRequests({ requests: _requests, merged: _merged, ...rest }: FigureCounts): Omit<FigureCounts, 'requests' | 'merged'> {
  return rest;
}

function contribute(out: Recomputation, r: RequestState): void {
  const add = (at: Date, unitId: number | null, counts: Partial<FigureCounts>) => {
    if (unitId === null) return;
    const key = `${chinaDate(at)}|${unitId}`;
    const sums: Record<string, number> = out.figures.get(key) ?? withoutRequests(zeroCounts());
    for (const [k, v] of Object.entries(counts)) sums[k] = (sums[k] ?? 0) + v;
    out.figures.set(key, sums as Omit<FigureCounts, 'requests' | 'merged'>);
  };
  for (const d of r.dispatches.values()) {
    add(d.dispatchedAt, d.unitId, { dispatched: 1 });
    if (d.returnedAt) add(d.returnedAt, d.unitId, { returned: 1 });
    const responseMet = d.contactedAt !== null && d.contactedAt <= d.responseDueAt;
    if (d.contactedAt || d.responseLapsed || d.repliedAt) add(responseMet ? d.contactedAt! : d.responseDueAt, d.unitId, { responseDue: 1, responseMet: responseMet ? 1 : 0 });
    const handlingMet = d.repliedAt !== null && d.repliedAt <= d.dueAt;
    if (d.repliedAt || d.handlingLapsed) add(handlingMet ? d.repliedAt! : d.dueAt, d.unitId, { handlingDue: 1, handlingMet: handlingMet ? 1 : 0 });
  }
  if (r.closedAt) add(r.closedAt, r.repliedByUnitId, { closed: 1, closedWithReply: r.hasReply ? 1 : 0 });
  // 一次办结率: a closed request that was dispatched, held against its first lead unit.
  if (r.closedAt && r.leadUnits.length > 0) {
    const firstTime = r.leadUnits.length === 1 && !r.wasReturned && !r.wasReopened;
    add(r.closedAt, r.leadUnits[0]!, { closedDispatched: 1, closedAtFirstDispatch: firstTime ? 1 : 0 });
  }
  for (const v of r.evaluations) {
    add(v.at, v.unitId, {
      evaluations: 1, resolved: v.resolved ? 1 : 0, satisfied: v.satisfaction === 'satisfied' ? 1 : 0,
      basicallySatisfied: v.satisfaction === 'basically_satisfied' ? 1 : 0, ratings: v.source === 'citizen' ? 1 : 0,
      goodRatings: v.source === 'citizen' && v.satisfaction === 'satisfied' ? 1 : 0,
    });
    if (v.rectificationDueAt && (v.rectifiedAt || v.lapsed)) {
      add(v.rectificationDueAt, v.unitId, { badRatingsDue: 1, badRatingsRectified: v.rectifiedAt && v.rectifiedAt <= v.rectificationDueAt ? 1 : 0 });
    }
  }
  const day = chinaDate(r.receivedAt);
  const dims: Array<[string, string]> = [
    ['all', ''], ['channel', r.channel], ['type', r.requestType ?? ''],
    ['category1', r.categoryCode?.slice(0, 2) ?? ''], ['category2', r.categoryCode?.slice(0, 4) ?? ''],
  ];
  for (const scope of r.townshipCode ? ['', r.townshipCode] : ['']) {
    for (const [dimension, value] of dims) {
      const key = `${scope}|${day}|${dimension}|${value}`;
      const v = out.volume.get(key) ?? { requests: 0, merged: 0 };
      v.requests++;
      if (r.mergedInto) v.merged++;
      out.volume.set(key, v);
    }
  }
}

export interface RollupDifference {
  table: 'hotline_daily_figures' | 'hotline_daily_volume';
  key: string;
  rollup: Record<string, number> | null;
  events: Record<string, number> | null;
}

const FIGURE_COLUMNS = `to_char(day, 'YYYY-MM-DD') || '|' || unit_id as key, dispatched, returned, response_due as "responseDue",
  response_met as "responseMet", handling_due as "handlingDue", handling_met as "handlingMet", closed, closed_with_reply as "closedWithReply",
  closed_dispatched as "closedDispatched", closed_at_first_dispatch as "closedAtFirstDispatch",
  evaluations, resolved, satisfied, basically_satisfied as "basicallySatisfied", ratings, good_ratings as "goodRatings",
  bad_ratings_due as "badRatingsDue", bad_ratings_rectified as "badRatingsRectified"`;

/** Every place where the rollups and the recomputation from events disagree (empty when they agree). */
export async function compareRollupsWithEvents(database: Database): Promise<{ differences: RollupDifference[]; cases: number; events: number }> {
  const recomputed = await recomputeFromEvents(database);
  const differences: RollupDifference[] = [];
  const figures = await database.backend.query(`select ${FIGURE_COLUMNS} from hotline_daily_figures`, [], 'object');
  const volume = await database.backend.query(
    `select scope || '|' || to_char(day, 'YYYY-MM-DD') || '|' || dimension || '|' || value as key, requests, merged from hotline_daily_volume`,
    [],
    'object',
  );
  diff('hotline_daily_figures', figures.rows as Array<Record<string, number | string>>, recomputed.figures as Map<string, Record<string, number>>);
  diff('hotline_daily_volume', volume.rows as Array<Record<string, number | string>>, recomputed.volume as Map<string, Record<string, number>>);
  return { differences, cases: recomputed.cases, events: recomputed.events };

  function diff(table: RollupDifference['table'], rows: Array<Record<string, number | string>>, expected: Map<string, Record<string, number>>) {
    const seen = new Set<string>();
    for (const row of rows) {
      const { key, ...values } = row as { key: string } & Record<string, number>;
      const numbers = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)]));
      const allZero = Object.values(numbers).every((v) => v === 0);
      const want = expected.get(key);
      seen.add(key);
      if (!want) {
        if (!allZero) differences.push({ table, key, rollup: numbers, events: null });
      } else if (Object.entries(want).some(([k, v]) => numbers[k] !== v)) {
        differences.push({ table, key, rollup: numbers, events: want });
      }
    }
    for (const [key, want] of expected) if (!seen.has(key)) differences.push({ table, key, rollup: null, events: want });
  }
}
