import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { isStaff } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { SYSTEM } from '../../platform/actor.js';
import { ROW_ID } from '../../platform/validation.js';
import { actsForUnit, cases, defineCaseType, performAction, type ActionContext, type ActionDefinition, type EffectResult, type LapsedClock } from '../cases/index.js';
import { findUnit, findUnits } from '../orgs/index.js';
import { hotlineConfig } from './hotline-config.js';
import { verifyHotlineRequests } from './operations/verify-requests.js';
import { ACTION_LABELS, CLOCK_LABELS, STATE_LABELS } from './requests.strings.js';
import { canSeeRequest, HOTLINE_CASE_TYPE, HOTLINE_MODULE, HOTLINE_STAKEHOLDERS, openDispatchFor } from './requests.access.js';
import { requestError } from './requests.errors.js';
import { hotlineCategories, hotlineDispatches, hotlineEvaluations, hotlineRequests } from './requests.tables.js';
import { RESPONSE_RULE, URGENT_RESPONSE_RULE, hotlineClockDueAt, hotlineDueAt } from './rules/due-at.js';

export { HOTLINE_CASE_TYPE };

const UNIT_ROLES = ['handler', 'unit_leader'] as const;

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const noInput = { type: 'object', properties: {}, additionalProperties: false } as const;
const noteInput = { type: 'object', properties: { note: text(2000) }, additionalProperties: false } as const;
/** Free text that may name or describe the requester: kept beside the record, erasable ('x-personal'). */
const personalText = (max: number) => ({ ...text(max), 'x-personal': true });
const unitInput = (extra: Record<string, unknown> = {}, required: string[] = []) =>
  ({ type: 'object', properties: { unitId: ROW_ID, ...extra }, required: ['unitId', ...required], additionalProperties: false }) as const;
const classification = {
  requestType: { type: 'string', enum: hotlineConfig().requestTypes },
  categoryCode: { type: 'string', minLength: 1, maxLength: 32 },
  urgency: { type: 'string', enum: ['normal', 'urgent'] },
};

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

async function requestRow(tx: Db, caseId: string) {
  const [row] = await tx.select().from(hotlineRequests).where(eq(hotlineRequests.caseId, caseId));
  if (!row) throw requestError('REQUEST_NOT_FOUND');
  return row;
}

async function assertCategoryExists(tx: Db, code: string | undefined) {
  if (code === undefined) return undefined;
  const [category] = await tx.select().from(hotlineCategories).where(eq(hotlineCategories.code, code));
  if (!category) throw requestError('CATEGORY_UNKNOWN', { field: 'categoryCode' });
  return category;
}

/** The clock rule that limits handling: urgent requests get 2 hours, others their category's rule. */
async function handlingRule(tx: Db, request: typeof hotlineRequests.$inferSelect): Promise<string> {
  if (request.urgency === 'urgent') return 'rx12345.urgent';
  const [category] = request.categoryCode
    ? await tx.select().from(hotlineCategories).where(eq(hotlineCategories.code, request.categoryCode))
    : [];
  return category?.clockRule ?? 'rx12345.general';
}

/** Writes the new lead dispatch; shared by 派单, 改派 and 裁定. */
async function dispatchTo(ctx: Ctx, unitId: number) {
  const unit = await findUnit(ctx.tx, unitId);
  if (!unit || !['department', 'township', 'community', 'grid'].includes(unit.kind)) throw requestError('UNIT_UNKNOWN', { field: 'unitId' });
  const request = await requestRow(ctx.tx, ctx.caseId);
  if (!request.requestType || !request.categoryCode) throw requestError('NOT_CLASSIFIED');
  const rule = await handlingRule(ctx.tx, request);
  const dispatchId = randomUUID();
  const dueAt = hotlineDueAt(rule, ctx.now, 0);
  const responseDueAt = hotlineDueAt(request.urgency === 'urgent' ? URGENT_RESPONSE_RULE : RESPONSE_RULE, ctx.now, 0);
  await ctx.tx.insert(hotlineDispatches).values({
    id: dispatchId, caseId: ctx.caseId, unitId, role: 'lead', status: 'pending', dispatchedAt: ctx.now, responseDueAt, dueAt,
  });
  await ctx.tx.update(hotlineRequests).set({ dueAt, ruleId: rule }).where(eq(hotlineRequests.caseId, ctx.caseId));
  return {
    ownerUnitId: unitId,
    clockUnitId: unitId,
    clockSubjectId: dispatchId,
    clockRules: { handling: rule, response: request.urgency === 'urgent' ? URGENT_RESPONSE_RULE : RESPONSE_RULE },
    eventFacts: { dispatchId, unitName: unit.name },
  };
}

async function classify(ctx: Ctx) {
  const { requestType, categoryCode, urgency } = ctx.input;
  await assertCategoryExists(ctx.tx, categoryCode);
  const changes = { ...(requestType ? { requestType } : {}), ...(categoryCode ? { categoryCode } : {}), ...(urgency ? { urgency } : {}) };
  if (Object.keys(changes).length) await ctx.tx.update(hotlineRequests).set(changes).where(eq(hotlineRequests.caseId, ctx.caseId));
}

async function leadDispatch(ctx: Ctx, statuses: Array<'pending' | 'signed' | 'replied'>) {
  const dispatch = await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, statuses, 'lead');
  if (!dispatch) throw requestError('NO_ACTIVE_DISPATCH');
  return dispatch;
}

// Whom each action is done for. The center's actions need someone of the center (the case's
// organ); a unit's actions need someone of the unit holding the dispatch. Seeing a case, as a
// county leader sees every case, is not enough to act in another unit's name.
const forCenter = async (ctx: Ctx) => actsForUnit(ctx.actor, ctx.organUnitId);
// Automatic dispatch and merging act as the platform itself.
const forCenterOrPlatform = async (ctx: Ctx) => ctx.actor.role === 'system' || actsForUnit(ctx.actor, ctx.organUnitId);
type DispatchStatus = 'pending' | 'signed' | 'replied';
const holdsDispatch = (statuses: (ctx: Ctx) => DispatchStatus[], role?: 'lead') => async (ctx: Ctx) =>
  (await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, statuses(ctx), role)) !== undefined;
/** The lead's dispatch while it works: signed, or already replied when a bad rating sent it back. */
const leadAtWork = (ctx: Ctx): DispatchStatus[] => (ctx.state === 'rectifying' ? ['replied'] : ['signed']);
const holdsLeadAtWork = holdsDispatch(leadAtWork, 'lead');
// Both clocks of a new dispatch take the rules dispatchTo() looked up.
const dispatchClocks = [
  { name: 'response', rule: (_: Ctx, result: EffectResult) => result.clockRules?.response ?? null },
  { name: 'handling', rule: (_: Ctx, result: EffectResult) => result.clockRules?.handling ?? null },
];

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

const evaluationInput = {
  type: 'object',
  properties: {
    resolved: { type: 'boolean' },
    satisfaction: { type: 'string', enum: ['satisfied', 'basically_satisfied', 'dissatisfied'] },
    comment: { type: 'string', maxLength: 2000, 'x-personal': true },
  },
  required: ['resolved', 'satisfaction'],
  additionalProperties: false,
} as const;

export const hotlineCaseType = defineCaseType({
  name: HOTLINE_CASE_TYPE,
  label: '12345诉求',
  module: HOTLINE_MODULE,
  states: Object.fromEntries(Object.entries(STATE_LABELS).map(([k, label]) => [k, { label, final: k === 'closed' }])),
  initialState: 'received',
  openEvent: 'submitted',
  stakeholders: HOTLINE_STAKEHOLDERS,
  verifyProjection: verifyHotlineRequests,
  erasePersonalData: async (tx, caseId) => {
    await tx.update(hotlineRequests)
      .set({ requesterName: null, requesterPhone: null, requesterEmail: null, address: null, latitude: null, longitude: null, callerKey: null })
      .where(eq(hotlineRequests.caseId, caseId));
    await tx.update(hotlineEvaluations).set({ comment: null }).where(eq(hotlineEvaluations.caseId, caseId));
  },
  clocks: {
    response: { label: CLOCK_LABELS.response },
    handling: { label: CLOCK_LABELS.handling },
    rectification: { label: CLOCK_LABELS.rectification },
  },
  dueAt: hotlineClockDueAt,
  onClockLapsed: markLapsed,
  actions: {
    classify: action({
      label: ACTION_LABELS.classify, from: ['received', 'returned'], roles: ['operator', 'dispatcher'], authorize: forCenter,
      input: { type: 'object', properties: classification, additionalProperties: false },
      effect: async (ctx) => void (await classify(ctx)),
    }),
    answer_directly: action({
      label: ACTION_LABELS.answer_directly, from: ['received'], to: 'replied', roles: ['operator', 'dispatcher'], authorize: forCenter,
      input: { type: 'object', properties: { reply: text(5000) }, required: ['reply'], additionalProperties: false },
      effect: async (ctx) => {
        if (!isStaff(ctx.actor)) return;
        await ctx.tx.update(hotlineRequests)
          .set({ replyText: ctx.input.reply, repliedAt: ctx.now, repliedByUnitId: ctx.actor.unitId })
          .where(eq(hotlineRequests.caseId, ctx.caseId));
        await answerMergedRequests(ctx);
      },
    }),
    dispatch: action({
      // The platform itself dispatches when the county set an automatic-dispatch threshold.
      label: ACTION_LABELS.dispatch, from: ['received'], to: 'dispatched', roles: ['operator', 'dispatcher', 'system'],
      authorize: forCenterOrPlatform,
      input: unitInput(classification),
      clocks: { start: dispatchClocks },
      effect: async (ctx) => {
        await classify(ctx);
        return dispatchTo(ctx, ctx.input.unitId);
      },
    }),
    sign: action({
      label: ACTION_LABELS.sign, from: ['dispatched', 'handling'], roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['pending']),
      input: noInput,
      effect: async (ctx) => {
        const dispatch = await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['pending']);
        if (!dispatch) throw requestError('NO_ACTIVE_DISPATCH');
        await ctx.tx.update(hotlineDispatches).set({ status: 'signed', signedAt: ctx.now }).where(eq(hotlineDispatches.id, dispatch.id));
        return { nextState: dispatch.role === 'lead' ? 'handling' : ctx.state, eventFacts: { dispatchId: dispatch.id } };
      },
    }),
    contact: action({
      label: ACTION_LABELS.contact, from: ['handling', 'rectifying'], roles: [...UNIT_ROLES], authorize: holdsLeadAtWork,
      input: { type: 'object', properties: { note: personalText(2000) }, required: ['note'], additionalProperties: false },
      clocks: { stop: ['response'] },
      effect: async (ctx) => {
        // During rectification the lead's dispatch has already replied.
        const dispatch = await leadDispatch(ctx, ctx.state === 'rectifying' ? ['replied'] : ['signed']);
        if (!dispatch.contactedAt) {
          await ctx.tx.update(hotlineDispatches).set({ contactedAt: ctx.now }).where(eq(hotlineDispatches.id, dispatch.id));
        }
        return { eventFacts: { dispatchId: dispatch.id } };
      },
    }),
    return: action({
      label: ACTION_LABELS.return, from: ['dispatched', 'handling'], to: 'returned', roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['pending', 'signed'], 'lead'),
      input: { type: 'object', properties: { reason: text(2000) }, required: ['reason'], additionalProperties: false },
      clocks: { stop: ['response', 'handling'] },
      effect: async (ctx) => {
        const dispatch = await leadDispatch(ctx, ['pending', 'signed']);
        await ctx.tx.update(hotlineDispatches)
          .set({ status: 'returned', returnedAt: ctx.now, returnReason: ctx.input.reason })
          .where(eq(hotlineDispatches.id, dispatch.id));
        // Co-handlers leave with the lead: the next lead decides whom to call in.
        await ctx.tx.update(hotlineDispatches).set({ status: 'withdrawn' })
          .where(and(eq(hotlineDispatches.caseId, ctx.caseId), eq(hotlineDispatches.role, 'assist'), inArray(hotlineDispatches.status, ['pending', 'signed'])));
        return { ownerUnitId: null, eventFacts: { dispatchId: dispatch.id, unitId: dispatch.unitId } };
      },
    }),
    request_extension: action({
      label: ACTION_LABELS.request_extension, from: ['handling'], roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['signed'], 'lead'),
      precondition: async (ctx) => {
        const dispatch = (await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['signed'], 'lead'))!;
        if (dispatch.extensionReason && !dispatch.extended) return requestError('EXTENSION_PENDING');
        if (dispatch.extended || !extensible((await requestRow(ctx.tx, ctx.caseId)).ruleId ?? 'rx12345.general', dispatch.dispatchedAt)) return requestError('EXTENSION_NOT_ALLOWED');
        return null;
      },
      input: { type: 'object', properties: { reason: text(2000) }, required: ['reason'], additionalProperties: false },
      effect: async (ctx) => {
        const dispatch = await leadDispatch(ctx, ['signed']);
        await ctx.tx.update(hotlineDispatches).set({ extensionReason: ctx.input.reason }).where(eq(hotlineDispatches.id, dispatch.id));
        return { eventFacts: { dispatchId: dispatch.id } };
      },
    }),
    approve_extension: action({
      label: ACTION_LABELS.approve_extension, from: ['handling'], roles: ['dispatcher'], authorize: forCenter,
      precondition: extensionPending,
      input: noInput,
      clocks: { extend: ['handling'] },
      effect: async (ctx) => {
        const dispatch = await pendingExtension(ctx);
        const request = await requestRow(ctx.tx, ctx.caseId);
        const dueAt = hotlineDueAt(request.ruleId ?? 'rx12345.general', dispatch.dispatchedAt, 1);
        await ctx.tx.update(hotlineDispatches).set({ extended: true, dueAt, handlingLapsed: false }).where(eq(hotlineDispatches.id, dispatch.id));
        await ctx.tx.update(hotlineRequests).set({ dueAt }).where(eq(hotlineRequests.caseId, ctx.caseId));
        return { eventFacts: { dispatchId: dispatch.id, dueAt: dueAt.toISOString() } };
      },
    }),
    reject_extension: action({
      label: ACTION_LABELS.reject_extension, from: ['handling'], roles: ['dispatcher'], authorize: forCenter,
      precondition: extensionPending,
      input: { type: 'object', properties: { reason: text(2000) }, required: ['reason'], additionalProperties: false },
      effect: async (ctx) => {
        const dispatch = await pendingExtension(ctx);
        await ctx.tx.update(hotlineDispatches).set({ extensionReason: null }).where(eq(hotlineDispatches.id, dispatch.id));
        return { eventFacts: { dispatchId: dispatch.id } };
      },
    }),
    invite_assist: action({
      label: ACTION_LABELS.invite_assist, from: ['handling'], roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['signed'], 'lead'),
      input: {
        type: 'object',
        properties: { unitIds: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: ROW_ID }, note: text(2000) },
        required: ['unitIds'],
        additionalProperties: false,
      },
      effect: async (ctx) => {
        const lead = await leadDispatch(ctx, ['signed']);
        const found = await findUnits(ctx.tx, ctx.input.unitIds);
        const ids: number[] = ctx.input.unitIds;
        if (ids.some((id) => !found.has(id) || id === lead.unitId || found.get(id)!.kind === 'center' || found.get(id)!.kind === 'government')) {
          throw requestError('UNIT_UNKNOWN', { field: 'unitIds' });
        }
        await ctx.tx.insert(hotlineDispatches).values(ids.map((unitId) => ({
          id: randomUUID(), caseId: ctx.caseId, unitId, role: 'assist' as const, status: 'pending' as const,
          dispatchedAt: ctx.now, responseDueAt: lead.responseDueAt, dueAt: lead.dueAt,
        })));
        return { eventFacts: { unitNames: ids.map((id) => found.get(id)!.name) } };
      },
    }),
    reply: action({
      label: ACTION_LABELS.reply, from: ['handling', 'rectifying'], to: 'replied', roles: [...UNIT_ROLES], authorize: holdsLeadAtWork,
      input: { type: 'object', properties: { reply: text(5000) }, required: ['reply'], additionalProperties: false },
      clocks: { stop: ['response', 'handling', 'rectification'] },
      effect: async (ctx) => {
        const dispatch = await leadDispatch(ctx, ctx.state === 'rectifying' ? ['replied'] : ['signed']);
        await ctx.tx.update(hotlineDispatches).set({ status: 'replied', repliedAt: dispatch.repliedAt ?? ctx.now }).where(eq(hotlineDispatches.id, dispatch.id));
        await ctx.tx.update(hotlineRequests)
          .set({ replyText: ctx.input.reply, repliedAt: ctx.now, repliedByUnitId: dispatch.unitId })
          .where(eq(hotlineRequests.caseId, ctx.caseId));
        if (ctx.state === 'rectifying') {
          const [open] = await ctx.tx.select().from(hotlineEvaluations)
            .where(and(eq(hotlineEvaluations.caseId, ctx.caseId), eq(hotlineEvaluations.satisfaction, 'dissatisfied')))
            .orderBy(desc(hotlineEvaluations.at)).limit(1);
          if (open && !open.rectifiedAt) await ctx.tx.update(hotlineEvaluations).set({ rectifiedAt: ctx.now }).where(eq(hotlineEvaluations.id, open.id));
        }
        await answerMergedRequests(ctx);
        return { eventFacts: { dispatchId: dispatch.id } };
      },
    }),
    redispatch: action({
      label: ACTION_LABELS.redispatch, from: ['returned'], to: 'dispatched', roles: ['dispatcher'], authorize: forCenter,
      input: unitInput({ reason: text(2000), ...classification }, ['reason']),
      clocks: { start: dispatchClocks },
      effect: async (ctx) => {
        await classify(ctx);
        return dispatchTo(ctx, ctx.input.unitId);
      },
    }),
    rule_owner: action({
      label: ACTION_LABELS.rule_owner, from: ['returned'], to: 'dispatched', roles: ['dispatcher'], authorize: forCenter,
      input: unitInput({ ruling: text(2000) }, ['ruling']),
      clocks: { start: dispatchClocks },
      effect: async (ctx) => dispatchTo(ctx, ctx.input.unitId),
    }),
    urge: action({
      label: ACTION_LABELS.urge, from: ['dispatched', 'handling', 'rectifying'], roles: ['dispatcher', 'supervisor'], authorize: forCenter,
      input: noteInput,
    }),
    supervise: action({
      label: ACTION_LABELS.supervise, from: ['dispatched', 'handling', 'rectifying'], roles: ['dispatcher', 'supervisor'], authorize: forCenter,
      input: noteInput,
    }),
    follow_up: action({
      label: ACTION_LABELS.follow_up, from: ['replied'], roles: ['operator', 'dispatcher'], authorize: forCenter,
      input: evaluationInput,
      clocks: { start: [{ name: 'rectification', rule: (ctx) => rectificationRule(ctx.input) }] },
      effect: (ctx) => recordEvaluation(ctx, 'followup'),
    }),
    citizen_evaluate: action({
      label: ACTION_LABELS.citizen_evaluate, from: ['replied', 'closed'], roles: ['citizen'],
      // The engine lets only the requester who proved the case theirs act as its citizen.
      precondition: async (ctx) =>
        (await evaluatedSince(ctx.tx, ctx.caseId, (await requestRow(ctx.tx, ctx.caseId)).repliedAt)) ? requestError('ALREADY_EVALUATED') : null,
      input: evaluationInput,
      clocks: { start: [{ name: 'rectification', rule: (ctx) => rectificationRule(ctx.input) }] },
      effect: (ctx) => recordEvaluation(ctx, 'citizen'),
    }),
    merge: action({
      // 合并: a request about a problem already reported at the same place waits for that one's answer.
      label: ACTION_LABELS.merge, from: ['received'], to: 'merged', roles: ['operator', 'dispatcher', 'system'],
      authorize: forCenterOrPlatform,
      input: { type: 'object', properties: { parentCaseId: { type: 'string', format: 'uuid' } }, required: ['parentCaseId'], additionalProperties: false },
      // Both requests are locked before either is read: A into B here and B into A on another
      // server would otherwise both succeed and leave two requests waiting on each other.
      relatedCases: (input) => [input.parentCaseId],
      effect: mergeInto,
    }),
    follow_parent: action({
      label: ACTION_LABELS.follow_parent, from: ['merged'], to: 'replied', roles: ['system'],
      input: noInput,
      effect: async (ctx) => {
        const child = await requestRow(ctx.tx, ctx.caseId);
        const parent = await requestRow(ctx.tx, child.mergedInto ?? '');
        await ctx.tx.update(hotlineRequests)
          .set({ replyText: parent.replyText, repliedAt: ctx.now, repliedByUnitId: parent.repliedByUnitId })
          .where(eq(hotlineRequests.caseId, ctx.caseId));
        // Requests merged into this one before it was itself merged wait on it: pass the answer on.
        await answerMergedRequests(ctx);
        return { eventFacts: { parentCaseId: parent.caseId, unitId: parent.repliedByUnitId } };
      },
    }),
    reopen: action({
      label: ACTION_LABELS.reopen, from: ['closed'], to: 'received', roles: ['dispatcher'], authorize: forCenter,
      input: { type: 'object', properties: { reason: text(2000) }, required: ['reason'], additionalProperties: false },
      effect: async (ctx) => {
        await ctx.tx.update(hotlineRequests).set({ closedAt: null }).where(eq(hotlineRequests.caseId, ctx.caseId));
        return { ownerUnitId: null };
      },
    }),
  },
});


const MERGEABLE_PARENT_STATES = ['received', 'dispatched', 'handling', 'returned', 'replied', 'rectifying'];

/**
 * The lead must be a request that is itself no one's follower, so every merged request reaches
 * its lead in a step or more and no chain can close into a loop; the engine holds both rows.
 */
async function mergeInto(ctx: Ctx) {
  const parentId = String(ctx.input.parentCaseId).toLowerCase();
  const [parent] = await ctx.tx.select({ request: hotlineRequests, state: cases.state })
    .from(hotlineRequests).innerJoin(cases, eq(cases.id, hotlineRequests.caseId))
    .where(eq(hotlineRequests.caseId, parentId));
  const visible = parent !== undefined && (ctx.actor.role === 'system' || (await canSeeRequest(ctx.tx, parentId, ctx.actor)));
  if (!parent || !visible || parentId === ctx.caseId || parent.request.mergedInto || !MERGEABLE_PARENT_STATES.includes(parent.state)) {
    throw requestError('MERGE_TARGET_INVALID', { field: 'parentCaseId' });
  }
  await ctx.tx.update(hotlineRequests).set({ mergedInto: parentId }).where(eq(hotlineRequests.caseId, ctx.caseId));
  return { eventFacts: { parentCaseId: parentId, parentTrackingCode: parent.request.trackingCode } };
}

/** Requests merged into this one receive its answer, and their requesters can rate it. */
async function answerMergedRequests(ctx: Ctx) {
  const children = await ctx.tx.select({ caseId: hotlineRequests.caseId })
    .from(hotlineRequests).innerJoin(cases, eq(cases.id, hotlineRequests.caseId))
    .where(and(eq(hotlineRequests.mergedInto, ctx.caseId), eq(cases.state, 'merged')));
  for (const child of children) {
    await performAction(ctx.tx, { caseId: child.caseId, caseType: HOTLINE_CASE_TYPE, action: 'follow_parent', actor: SYSTEM, input: {}, now: ctx.now });
  }
}

/**
 * The figures count a missed limit once its clock has run out: the sweep marks the
 * dispatch (response, handling) or the bad rating (rectification) it measured.
 */
async function markLapsed(tx: Db, clock: LapsedClock): Promise<void> {
  if (!clock.subjectId) return;
  if (clock.name === 'response') await tx.update(hotlineDispatches).set({ responseLapsed: true }).where(eq(hotlineDispatches.id, clock.subjectId));
  if (clock.name === 'handling') await tx.update(hotlineDispatches).set({ handlingLapsed: true }).where(eq(hotlineDispatches.id, clock.subjectId));
  if (clock.name === 'rectification') await tx.update(hotlineEvaluations).set({ rectificationLapsed: true }).where(eq(hotlineEvaluations.id, clock.subjectId));
}

function rectificationRule(input: Input): string | null {
  return input.satisfaction === 'dissatisfied' ? hotlineConfig().rectificationRule : null;
}

async function recordEvaluation(ctx: Ctx, source: 'citizen' | 'followup') {
  const request = await requestRow(ctx.tx, ctx.caseId);
  if (source === 'citizen' && (await evaluatedSince(ctx.tx, ctx.caseId, request.repliedAt))) throw requestError('ALREADY_EVALUATED');
  const dissatisfied = ctx.input.satisfaction === 'dissatisfied';
  const rectificationDueAt = dissatisfied ? hotlineDueAt(hotlineConfig().rectificationRule, ctx.now, 0) : null;
  const id = randomUUID();
  await ctx.tx.insert(hotlineEvaluations).values({
    id, caseId: ctx.caseId, source, at: ctx.now, resolved: ctx.input.resolved, satisfaction: ctx.input.satisfaction,
    comment: ctx.input.comment ?? null, unitId: request.repliedByUnitId, rectificationDueAt,
  });
  if (dissatisfied) return { nextState: 'rectifying', clockUnitId: request.repliedByUnitId, clockSubjectId: id, eventFacts: { evaluationId: id } };
  if (ctx.state !== 'closed') await ctx.tx.update(hotlineRequests).set({ closedAt: ctx.now }).where(eq(hotlineRequests.caseId, ctx.caseId));
  return { nextState: 'closed', eventFacts: { evaluationId: id } };
}

async function evaluatedSince(tx: Db, caseId: string, since: Date | null): Promise<boolean> {
  const rows = await tx.select({ at: hotlineEvaluations.at }).from(hotlineEvaluations)
    .where(and(eq(hotlineEvaluations.caseId, caseId), eq(hotlineEvaluations.source, 'citizen')));
  return rows.some((r) => !since || r.at >= since);
}

async function pendingExtension(ctx: Ctx) {
  const [dispatch] = await ctx.tx.select().from(hotlineDispatches)
    .where(and(eq(hotlineDispatches.caseId, ctx.caseId), eq(hotlineDispatches.role, 'lead'), eq(hotlineDispatches.status, 'signed')));
  if (!dispatch || !dispatch.extensionReason || dispatch.extended) throw requestError('NO_EXTENSION_PENDING');
  return dispatch;
}

async function extensionPending(ctx: Ctx) {
  try {
    await pendingExtension(ctx);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** Does the rule allow an extension at all? (Some limits, e.g. urgent ones, have none.) */
function extensible(ruleId: string, start: Date): boolean {
  try {
    hotlineDueAt(ruleId, start, 1);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EXTENSION_NOT_ALLOWED') return false;
    throw error;
  }
}

