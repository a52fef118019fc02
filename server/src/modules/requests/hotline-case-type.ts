import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { isStaff } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { SYSTEM } from '../../platform/actor.js';
import { ROW_ID } from '../../platform/validation.js';
import { actsForUnit, caseEvents, cases, citeCase, defineCaseType, performAction, REMINDER_RULE, type ActionContext, type ActionDefinition, type EffectResult, type LapsedClock } from '../cases/index.js';
import { findUnit, findUnits } from '../orgs/index.js';
import { hotlineConfig } from './hotline-config.js';
import { verifyHotlineRequests } from './operations/verify-requests.js';
import { ACTION_LABELS, CLOCK_LABELS, STATE_LABELS } from './requests.strings.js';
import { canSeeRequest, HOTLINE_CASE_TYPE, HOTLINE_MODULE, HOTLINE_STAKEHOLDERS, INNER_ROLES, openDispatchFor, openInnerDispatchFor } from './requests.access.js';
import { requireTargets, targetChoices, unitTargets, type TargetKind } from './operations/unit-targets.js';
import { innerDueAt } from './rules/inner-due.js';
import { requestError } from './requests.errors.js';
import { hotlineCategories, hotlineDispatches, hotlineEvaluations, hotlineRequests } from './requests.tables.js';
import { RESPONSE_RULE, URGENT_RESPONSE_RULE, hotlineClockDueAt, hotlineDueAt } from './rules/due-at.js';

export { HOTLINE_CASE_TYPE };

const UNIT_ROLES = ['handler', 'unit_leader'] as const;
/** The case type of the knowledge base's entries (知识库) a direct answer may rest on. */
const KNOWLEDGE_ENTRY_TYPE = 'kb_entry';

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
  // The center sends a case to a department or a township; communities and grids get it from their township (下派).
  const [unit] = await requireTargets(ctx.tx, ctx.caseId, ctx.organUnitId, 'dispatch', [unitId], 'unitId');
  const request = await requestRow(ctx.tx, ctx.caseId);
  if (!request.requestType || !request.categoryCode) throw requestError('NOT_CLASSIFIED');
  const rule = await handlingRule(ctx.tx, request);
  const dispatchId = randomUUID();
  const dueAt = hotlineDueAt(rule, ctx.now, 0);
  const responseDueAt = hotlineDueAt(request.urgency === 'urgent' ? URGENT_RESPONSE_RULE : RESPONSE_RULE, ctx.now, 0);
  await ctx.tx.insert(hotlineDispatches).values({
    id: dispatchId, caseId: ctx.caseId, unitId, role: 'lead', status: 'pending', dispatchedAt: ctx.now, responseDueAt, dueAt,
  });
  await ctx.tx.update(hotlineRequests)
    .set({ dueAt, ruleId: rule, leadDispatches: sql`${hotlineRequests.leadDispatches} + 1`, firstLeadUnitId: sql`coalesce(${hotlineRequests.firstLeadUnitId}, ${unitId})` })
    .where(eq(hotlineRequests.caseId, ctx.caseId));
  return {
    ownerUnitId: unitId,
    clockUnitId: unitId,
    clockSubjectId: dispatchId,
    clockRules: { handling: rule, response: request.urgency === 'urgent' ? URGENT_RESPONSE_RULE : RESPONSE_RULE },
    eventFacts: { dispatchId, unitName: unit!.name },
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
/** An inner dispatch (协办, 下派) of the actor's unit in one of the statuses. */
const holdsInner = (statuses: DispatchStatus[]) => async (ctx: Ctx) => (await openInnerDispatchFor(ctx.tx, ctx.caseId, ctx.actor, statuses)) !== undefined;
/** The units a field of a form may name on this case, as the pages list them. */
const unitChoices = (field: string, kind: TargetKind) => async (ctx: Ctx) => ({ [field]: targetChoices(await unitTargets(ctx.tx, ctx.caseId, ctx.organUnitId, kind)) });
// Both clocks of a new dispatch take the rules dispatchTo() looked up.
const dispatchClocks = [
  { name: 'response', rule: (_: Ctx, result: EffectResult) => result.clockRules?.response ?? null },
  { name: 'handling', rule: (_: Ctx, result: EffectResult) => result.clockRules?.handling ?? null },
];

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/** Calling units in to answer to the lead: co-handlers (协办) or a township's communities and grids (下派). */
const callInInput = {
  type: 'object',
  properties: {
    unitIds: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: ROW_ID },
    note: text(2000),
    replyBy: { type: 'string', format: 'date' },
  },
  required: ['unitIds'],
  additionalProperties: false,
} as const;
// Each unit called in answers on a clock of its own, to the day callIn() set.
const innerClocks = { start: [{ name: 'inner', rule: () => REMINDER_RULE, each: (_: Ctx, result: EffectResult) => result.clockSubjects ?? [] }] };

async function callIn(ctx: Ctx, role: (typeof INNER_ROLES)[number]): Promise<EffectResult> {
  const lead = await leadDispatch(ctx, ['signed']);
  const chosen = await requireTargets(ctx.tx, ctx.caseId, ctx.organUnitId, role, ctx.input.unitIds, 'unitIds');
  const dueAt = innerDueAt(lead.dueAt, ctx.now, hotlineConfig().innerDispatch.replyShare, ctx.input.replyBy);
  if (!dueAt) throw requestError('REPLY_BY_OUT_OF_RANGE', { field: 'replyBy' });
  const rows = chosen.map((unit) => ({
    id: randomUUID(), caseId: ctx.caseId, unitId: unit.id, role, status: 'pending' as const, parentId: lead.id,
    instruction: ctx.input.note ?? null, dispatchedAt: ctx.now, responseDueAt: dueAt, dueAt,
  }));
  await ctx.tx.insert(hotlineDispatches).values(rows);
  return {
    clockSubjects: rows.map((r) => ({ subjectId: r.id, unitId: r.unitId, until: dueAt })),
    eventFacts: { leadDispatchId: lead.id, dispatchIds: rows.map((r) => r.id), unitNames: chosen.map((u) => u.name) },
  };
}

/** Inner dispatches of the case still at work (not yet answered): they leave when the lead returns or replies. */
async function withdrawInner(ctx: Ctx): Promise<string[]> {
  const withdrawn = await ctx.tx.update(hotlineDispatches).set({ status: 'withdrawn' })
    .where(and(eq(hotlineDispatches.caseId, ctx.caseId), inArray(hotlineDispatches.role, [...INNER_ROLES]), inArray(hotlineDispatches.status, ['pending', 'signed'])))
    .returning({ id: hotlineDispatches.id });
  return withdrawn.map((w) => w.id);
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
    // One per co-handler or community called in, to the day it must answer the lead by.
    inner: { label: CLOCK_LABELS.inner },
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
      // The answer may rest on a knowledge entry: its type checks that it may be used now, and the event records which version.
      input: { type: 'object', properties: { reply: text(5000), knowledgeEntryId: { type: 'string', format: 'uuid' } }, required: ['reply'], additionalProperties: false },
      effect: async (ctx) => {
        if (!isStaff(ctx.actor)) return;
        const knowledgeEntry = ctx.input.knowledgeEntryId
          ? await citeCase(ctx.tx, KNOWLEDGE_ENTRY_TYPE, { caseId: ctx.input.knowledgeEntryId, citingCaseId: ctx.caseId, citingAction: 'answer_directly', actor: ctx.actor, at: ctx.now })
          : undefined;
        await ctx.tx.update(hotlineRequests)
          .set({ replyText: ctx.input.reply, repliedAt: ctx.now, repliedByUnitId: ctx.actor.unitId })
          .where(eq(hotlineRequests.caseId, ctx.caseId));
        await answerMergedRequests(ctx);
        return knowledgeEntry ? { eventFacts: { knowledgeEntry } } : {};
      },
    }),
    dispatch: action({
      // The platform itself dispatches when the county set an automatic-dispatch threshold.
      label: ACTION_LABELS.dispatch, from: ['received'], to: 'dispatched', roles: ['operator', 'dispatcher', 'system'],
      authorize: forCenterOrPlatform,
      input: unitInput(classification),
      choices: unitChoices('unitId', 'dispatch'),
      clocks: { start: dispatchClocks },
      effect: async (ctx) => {
        await classify(ctx);
        return dispatchTo(ctx, ctx.input.unitId);
      },
    }),
    sign: action({
      // A unit that has signed is still the one the work is for; it is told so, not that it may not act.
      label: ACTION_LABELS.sign, from: ['dispatched', 'handling'], roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['pending', 'signed']),
      precondition: async (ctx) => ((await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['pending'])) ? null : requestError('ALREADY_SIGNED')),
      input: noInput,
      effect: async (ctx) => {
        const dispatch = await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['pending']);
        if (!dispatch) throw requestError('NO_ACTIVE_DISPATCH');
        await ctx.tx.update(hotlineDispatches).set({ status: 'signed', signedAt: ctx.now }).where(eq(hotlineDispatches.id, dispatch.id));
        return { nextState: dispatch.role === 'lead' ? 'handling' : ctx.state, eventFacts: { dispatchId: dispatch.id, role: dispatch.role } };
      },
    }),
    contact: action({
      // A co-handler or a grid worker may call the requester too; only the lead's call answers the center's response limit.
      label: ACTION_LABELS.contact, from: ['handling', 'rectifying'], roles: [...UNIT_ROLES],
      authorize: async (ctx) => (await holdsLeadAtWork(ctx)) || (await holdsInner(['signed'])(ctx)),
      input: { type: 'object', properties: { note: personalText(2000) }, required: ['note'], additionalProperties: false },
      clocks: { stop: [{ name: 'response', subject: (_, result) => (result.eventFacts?.role === 'lead' ? (result.eventFacts.dispatchId as string) : null) }] },
      effect: async (ctx) => {
        // During rectification the lead's dispatch has already replied.
        const dispatch = (await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, leadAtWork(ctx), 'lead'))
          ?? (await openInnerDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['signed']));
        if (!dispatch) throw requestError('NO_ACTIVE_DISPATCH');
        if (!dispatch.contactedAt) {
          await ctx.tx.update(hotlineDispatches).set({ contactedAt: ctx.now }).where(eq(hotlineDispatches.id, dispatch.id));
        }
        return { eventFacts: { dispatchId: dispatch.id, role: dispatch.role } };
      },
    }),
    return: action({
      label: ACTION_LABELS.return, from: ['dispatched', 'handling'], to: 'returned', roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['pending', 'signed'], 'lead'),
      input: { type: 'object', properties: { reason: text(2000) }, required: ['reason'], additionalProperties: false },
      clocks: { stop: ['response', 'handling', 'inner'] },
      effect: async (ctx) => {
        const dispatch = await leadDispatch(ctx, ['pending', 'signed']);
        await ctx.tx.update(hotlineDispatches)
          .set({ status: 'returned', returnedAt: ctx.now, returnReason: ctx.input.reason })
          .where(eq(hotlineDispatches.id, dispatch.id));
        // Co-handlers and communities leave with the lead: the next lead decides whom to call in.
        const withdrawn = await withdrawInner(ctx);
        return { ownerUnitId: null, eventFacts: { dispatchId: dispatch.id, unitId: dispatch.unitId, ...(withdrawn.length ? { withdrawn } : {}) } };
      },
    }),
    request_extension: action({
      label: ACTION_LABELS.request_extension, from: ['handling'], roles: [...UNIT_ROLES], authorize: holdsDispatch(() => ['signed'], 'lead'),
      precondition: async (ctx) => extensionRefusal(ctx.tx, ctx.caseId, (await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['signed'], 'lead'))!),
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
      input: callInInput,
      choices: unitChoices('unitIds', 'assist'),
      clocks: innerClocks,
      effect: (ctx) => callIn(ctx, 'assist'),
    }),
    dispatch_down: action({
      // 下派: only a township holding the lead sends on, and only to its own communities and grids.
      label: ACTION_LABELS.dispatch_down, from: ['handling'], roles: [...UNIT_ROLES],
      authorize: async (ctx) => {
        const lead = await openDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['signed'], 'lead');
        return lead !== undefined && (await findUnit(ctx.tx, lead.unitId))?.kind === 'township';
      },
      input: callInInput,
      choices: unitChoices('unitIds', 'sub'),
      clocks: innerClocks,
      effect: (ctx) => callIn(ctx, 'sub'),
    }),
    reply_lead: action({
      // A co-handler's or a community's answer goes to the lead, which answers the center.
      label: ACTION_LABELS.reply_lead, from: ['handling'], roles: [...UNIT_ROLES], authorize: holdsInner(['signed']),
      input: { type: 'object', properties: { reply: text(5000) }, required: ['reply'], additionalProperties: false },
      clocks: { stop: [{ name: 'inner', subject: (_, result) => (result.eventFacts?.dispatchId as string | undefined) ?? null }] },
      effect: async (ctx) => {
        const inner = await openInnerDispatchFor(ctx.tx, ctx.caseId, ctx.actor, ['signed']);
        if (!inner) throw requestError('NO_ACTIVE_DISPATCH');
        await ctx.tx.update(hotlineDispatches).set({ status: 'replied', repliedAt: ctx.now, replyText: ctx.input.reply }).where(eq(hotlineDispatches.id, inner.id));
        return { eventFacts: { dispatchId: inner.id, leadDispatchId: inner.parentId } };
      },
    }),
    reply: action({
      label: ACTION_LABELS.reply, from: ['handling', 'rectifying'], to: 'replied', roles: [...UNIT_ROLES], authorize: holdsLeadAtWork,
      input: { type: 'object', properties: { reply: text(5000) }, required: ['reply'], additionalProperties: false },
      clocks: { stop: ['response', 'handling', 'rectification', 'inner'] },
      effect: async (ctx) => {
        const dispatch = await leadDispatch(ctx, ctx.state === 'rectifying' ? ['replied'] : ['signed']);
        await ctx.tx.update(hotlineDispatches).set({ status: 'replied', repliedAt: dispatch.repliedAt ?? ctx.now }).where(eq(hotlineDispatches.id, dispatch.id));
        // The reply rests on the answers the lead's co-handlers and communities gave it; those that gave none are withdrawn.
        const answered = await ctx.tx.select({ id: hotlineDispatches.id }).from(hotlineDispatches)
          .where(and(eq(hotlineDispatches.parentId, dispatch.id), eq(hotlineDispatches.status, 'replied')))
          .orderBy(hotlineDispatches.repliedAt);
        const withdrawn = await withdrawInner(ctx);
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
        return {
          eventFacts: {
            dispatchId: dispatch.id,
            ...(answered.length ? { innerReplies: answered.map((a) => a.id) } : {}),
            ...(withdrawn.length ? { withdrawn } : {}),
          },
        };
      },
    }),
    redispatch: action({
      label: ACTION_LABELS.redispatch, from: ['returned'], to: 'dispatched', roles: ['dispatcher'], authorize: forCenter,
      input: unitInput({ reason: text(2000), ...classification }, ['reason']),
      choices: unitChoices('unitId', 'dispatch'),
      clocks: { start: dispatchClocks },
      effect: async (ctx) => {
        await classify(ctx);
        return dispatchTo(ctx, ctx.input.unitId);
      },
    }),
    rule_owner: action({
      label: ACTION_LABELS.rule_owner, from: ['returned'], to: 'dispatched', roles: ['dispatcher'], authorize: forCenter,
      input: unitInput({ ruling: text(2000) }, ['ruling']),
      choices: unitChoices('unitId', 'dispatch'),
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
    hand_over: action({
      // An administrator merged the unit holding the work into another: the platform hands it over.
      label: ACTION_LABELS.hand_over, from: ['dispatched', 'handling', 'rectifying'], roles: ['system'],
      input: { type: 'object', properties: { fromUnitId: ROW_ID, toUnitId: ROW_ID }, required: ['fromUnitId', 'toUnitId'], additionalProperties: false },
      effect: handOver,
    }),
    reopen: action({
      label: ACTION_LABELS.reopen, from: ['closed'], to: 'received', roles: ['dispatcher'], authorize: forCenter,
      input: { type: 'object', properties: { reason: text(2000) }, required: ['reason'], additionalProperties: false },
      effect: async (ctx) => {
        await ctx.tx.update(hotlineRequests).set({ closedAt: null, reopened: true }).where(eq(hotlineRequests.caseId, ctx.caseId));
        // Inner dispatches of the first round are done: left open, the next dispatch would offer them 签收 again.
        await withdrawInner(ctx);
        return { ownerUnitId: null };
      },
    }),
  },
});


/**
 * The dispatches the merged unit holds open (during rectification, the lead's answered one that
 * it must improve) now belong to the unit it was merged into, on their limits as they were: the
 * requester's clock does not start again because the county reorganised.
 */
async function handOver(ctx: Ctx): Promise<EffectResult> {
  const { fromUnitId, toUnitId } = ctx.input as { fromUnitId: number; toUnitId: number };
  const open = or(
    inArray(hotlineDispatches.status, ['pending', 'signed']),
    ctx.state === 'rectifying' ? and(eq(hotlineDispatches.status, 'replied'), eq(hotlineDispatches.role, 'lead')) : undefined,
  );
  const moved = await ctx.tx.update(hotlineDispatches).set({ unitId: toUnitId })
    .where(and(eq(hotlineDispatches.caseId, ctx.caseId), eq(hotlineDispatches.unitId, fromUnitId), open))
    .returning({ id: hotlineDispatches.id });
  if (moved.length === 0) throw requestError('NO_ACTIVE_DISPATCH');
  const names = await findUnits(ctx.tx, [fromUnitId, toUnitId]);
  return {
    ...(ctx.ownerUnitId === fromUnitId ? { ownerUnitId: toUnitId } : {}),
    handOverClocks: { fromUnitId, toUnitId },
    eventFacts: { dispatchIds: moved.map((d) => d.id), fromUnitName: names.get(fromUnitId)?.name ?? null, toUnitName: names.get(toUnitId)?.name ?? null },
  };
}

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

/**
 * Why the lead may not ask for more time on this dispatch, or null. The rule extends a limit
 * once, so an approved extension is the last; a refused one may be asked again while the
 * city's count of requests per dispatch (hotline-config.json `extension`) allows.
 */
async function extensionRefusal(tx: Db, caseId: string, dispatch: typeof hotlineDispatches.$inferSelect) {
  if (dispatch.extended) return requestError('EXTENSION_ALREADY_GRANTED');
  if (dispatch.extensionReason) return requestError('EXTENSION_PENDING');
  if (!extensible((await requestRow(tx, caseId)).ruleId ?? 'rx12345.general', dispatch.dispatchedAt)) return requestError('EXTENSION_NOT_ALLOWED');
  const [asked] = await tx.select({ n: sql<number>`count(*)::int` }).from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'request_extension'), sql`${caseEvents.payload}->'facts'->>'dispatchId' = ${dispatch.id}`));
  if ((asked?.n ?? 0) >= hotlineConfig().extension.requestsPerDispatch) return requestError('EXTENSION_REQUESTS_USED');
  return null;
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

