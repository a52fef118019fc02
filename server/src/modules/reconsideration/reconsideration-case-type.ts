import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { SYSTEM } from '../../platform/actor.js';
import { shanghaiDay } from '../clock/index.js';
import { actsAs, caseClocks, defineCaseType, inputFields, noticeInTime, performAction, type ActionContext, type ActionDefinition, type LapsedClock } from '../cases/index.js';
import { findUnit } from '../orgs/index.js';
import { CONCLUSION_LABELS, decisionWording, MERITS_DECISIONS } from './rules/conclusions.js';
import { decisionByKey, DECISION_KEYS } from './rules/decisions.js';
import { issueDocumentFromFields, nextNumber } from '../documents/index.js';
import { NUMBERING } from './numbering.js';
import { verifyReconsiderationCases } from './operations/verify-cases.js';
import { reconsiderationError } from './reconsideration.errors.js';
import { reconsiderationCases, reconsiderationOpinions, reconsiderationThirdParties } from './reconsideration.tables.js';
import { isValidCreditCode, normaliseCreditCode } from '../../platform/credit-code.js';
import { SUSPENSION_GROUND_KEYS, SUSPENSION_GROUND_LABELS } from './rules/suspension-grounds.js';
import {
  ACTION_LABELS, APPLICANT_KIND_LABELS, CASE_TYPE_LABEL, CHOICE_LABELS, FIELD_LABELS, CLOCK_LABELS, ESCALATION_LABELS, JOINED_BY_LABELS, LIST_LABELS, OPINION_KIND_LABELS, PROCEDURE_LABELS, STATE_LABELS, WITHDRAWAL_LABELS,
} from './reconsideration.strings.js';

export const RECONSIDERATION_MODULE = 'xzfy';
export const RECONSIDERATION_CASE_TYPE = 'xzfy_case';
export const DECISION_TEMPLATE_ID = 'xzfy.decision';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const { text, longText, day, object } = inputFields(FIELD_LABELS);

async function caseRow(tx: Db, caseId: string) {
  const [row] = await tx.select().from(reconsiderationCases).where(eq(reconsiderationCases.caseId, caseId));
  if (!row) throw reconsiderationError('XZFY_CASE_NOT_FOUND');
  return row;
}
const update = (ctx: Ctx, changes: Partial<typeof reconsiderationCases.$inferInsert>) =>
  ctx.tx.update(reconsiderationCases).set(changes).where(eq(reconsiderationCases.caseId, ctx.caseId));
const today = (ctx: Ctx) => shanghaiDay(ctx.now);

// Whom each action is done for: the organ's handlers and head act for the organ that decides
// (the county government, whose 司法局 runs its reconsideration); the respondent's officer for
// the respondent unit named in the case. The platform acts for the organ where the law decides
// by itself (deemed acceptance).
const forOrgan = async (ctx: Ctx) => actsAs(ctx.actor, RECONSIDERATION_MODULE, ['handler'], ctx.organUnitId);
const forOrganOrPlatform = async (ctx: Ctx) => ctx.actor.role === 'system' || (await forOrgan(ctx));
const forHead = async (ctx: Ctx) => actsAs(ctx.actor, RECONSIDERATION_MODULE, ['head'], ctx.organUnitId);
const forRespondent = async (ctx: Ctx) => actsAs(ctx.actor, RECONSIDERATION_MODULE, ['respondent'], (await caseRow(ctx.tx, ctx.caseId)).respondentUnitId);

const decisionRule = (procedure: string) => (procedure === 'simple' ? 'xzfy.simple.decision' : 'xzfy.decision');
const replyRule = (procedure: string | null) => (procedure === 'simple' ? 'xzfy.simple.reply' : 'xzfy.respondent.reply');

/** Every running clock but the opinion reports stops when the case is concluded. */
const concludingStops = ['acceptance', 'supplement', 'copy', 'reply', 'hearing_notice', 'decision'];

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

async function conclude(ctx: Ctx, decisionKey: string, extra: Partial<typeof reconsiderationCases.$inferInsert> = {}) {
  await update(ctx, { decisionKey, concludedOn: today(ctx), ...extra });
}

/**
 * The reconsideration case (行政复议法 2023): application, 补正, acceptance or refusal,
 * the respondent's reply, hearing, committee, suspension, decision and service, and the
 * 意见书 that follow. Clocks follow STATUTES.md's xzfy rules.
 */
export const reconsiderationCaseType = defineCaseType({
  name: RECONSIDERATION_CASE_TYPE,
  label: CASE_TYPE_LABEL,
  module: RECONSIDERATION_MODULE,
  states: Object.fromEntries(
    Object.entries(STATE_LABELS).map(([k, label]) => [k, { label, final: ['closed', 'withdrawn', 'terminated', 'not_accepted', 'transferred', 'abandoned'].includes(k) }]),
  ),
  initialState: 'applied',
  verifyProjection: verifyReconsiderationCases,
  openEvent: 'applied',
  // The respondent holds a stake in the case (it reads the application and answers it), and so
  // does every organ an 意见书 or 建议书 went to.
  stakeholders: `select case_id, respondent_unit_id as unit_id from xzfy_cases where respondent_unit_id is not null
                 union all select case_id, unit_id from xzfy_opinions`,
  // The generic lists, search and export (/api/cases?caseType=xzfy_case); the applicant's name stays on the case page.
  listing: {
    source: 'select case_id, case_number, contested_act, respondent_name, respondent_unit_id, field, received_on, decision_key, concluded_on from xzfy_cases',
    columns: [
      { key: 'case_number', label: LIST_LABELS.caseNumber, kind: 'text' },
      { key: 'contested_act', label: LIST_LABELS.contestedAct, kind: 'text' },
      { key: 'respondent_name', label: LIST_LABELS.respondent, kind: 'text' },
      { key: 'respondent_unit_id', label: LIST_LABELS.respondentUnit, kind: 'unit' },
      { key: 'field', label: LIST_LABELS.field, kind: 'text' },
      { key: 'received_on', label: LIST_LABELS.receivedOn, kind: 'date' },
      { key: 'decision_key', label: LIST_LABELS.conclusion, kind: 'choice', options: CONCLUSION_LABELS },
      { key: 'concluded_on', label: LIST_LABELS.concludedOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: LIST_LABELS.state, kind: 'choice' },
      { key: 'respondent_unit_id', label: LIST_LABELS.respondentUnit, kind: 'unit' },
      { key: 'decision_key', label: LIST_LABELS.conclusion, kind: 'choice' },
      { key: 'received_on', label: LIST_LABELS.receivedOn, kind: 'date_range' },
    ],
    search: ['case_number', 'contested_act', 'respondent_name', 'field'],
    title: 'contested_act',
    code: 'case_number',
  },
  clocks: {
    acceptance: { label: CLOCK_LABELS.acceptance },
    supplement: { label: CLOCK_LABELS.supplement },
    copy: { label: CLOCK_LABELS.copy },
    reply: { label: CLOCK_LABELS.reply },
    hearing_notice: { label: CLOCK_LABELS.hearing_notice },
    decision: {
      label: CLOCK_LABELS.decision,
      escalation: [
        { at: 0.8, event: 'auto_urge', label: ESCALATION_LABELS.remind },
        { at: 1, event: 'auto_supervise', label: ESCALATION_LABELS.overdue },
      ],
    },
    opinion: {
      label: CLOCK_LABELS.opinion,
      escalation: [
        { at: 0.8, event: 'auto_urge', label: ESCALATION_LABELS.remind },
        { at: 1, event: 'opinion_overdue', label: ESCALATION_LABELS.opinionOverdue },
      ],
    },
  },
  // Five working days to decide on acceptance, from the day the application arrived (art. 30).
  // A case imported from past years' registers runs no clock.
  openingClocks: [{ name: 'acceptance', rule: (p) => (p.channel === 'import' ? null : 'xzfy.accept.review'), startAt: (p) => new Date(`${p.receivedOn as string}T12:00:00+08:00`) }],
  onClockLapsed: deemAcceptedWhenReviewLapses,
  erasePersonalData: async (tx, caseId) => {
    await tx.update(reconsiderationCases).set({ applicantName: null, agentName: null }).where(eq(reconsiderationCases.caseId, caseId));
    await tx.update(reconsiderationThirdParties).set({ name: null }).where(eq(reconsiderationThirdParties.caseId, caseId));
  },
  actions: {
    record_history: action({
      label: ACTION_LABELS.record_history, from: ['applied'], to: 'accepted', roles: ['system'], authorize: async (ctx) => ctx.actor.role === 'system',
      input: object({ decisionKey: { type: 'string', enum: DECISION_KEYS }, concludedOn: day }),
      // An imported case ends as its register says, or stays under review when it is still open.
      effect: async (ctx) => {
        if (!ctx.input.decisionKey) return {};
        await update(ctx, { decisionKey: ctx.input.decisionKey, concludedOn: ctx.input.concludedOn });
        const kind = decisionByKey(ctx.input.decisionKey).kind;
        return { nextState: kind === 'decision' ? 'closed' : kind === 'withdrawal' ? 'withdrawn' : 'terminated' };
      },
    }),
    ask_supplement: action({
      label: ACTION_LABELS.ask_supplement, from: ['applied'], to: 'supplementing', roles: ['handler'], authorize: forOrgan,
      input: object({ items: longText(2000) }, ['items']),
      effect: async () => ({ eventFacts: { supplementId: randomUUID() } }),
      clocks: {
        stop: ['acceptance'],
        // The applicant has ten working days from the notice (art. 31); each notice its own clock.
        start: [{ name: 'supplement', rule: () => 'xzfy.supplement.submit', subject: (_, r) => r.eventFacts?.supplementId as string }],
      },
    }),
    receive_supplement: action({
      label: ACTION_LABELS.receive_supplement, from: ['supplementing'], to: 'applied', roles: ['handler'], authorize: forOrgan,
      input: object({ supplementId: { type: 'string', format: 'uuid' }, note: text(2000) }, ['supplementId']),
      precondition: async (ctx) => (ctx.input.supplementId && !(await supplementOpen(ctx)) ? reconsiderationError('XZFY_SUPPLEMENT_UNKNOWN') : null),
      choices: async (ctx) => ({ supplementId: await openSupplements(ctx) }),
      // The review starts again from the material's arrival (art. 31(2) with art. 30).
      clocks: { stop: [{ name: 'supplement', subject: (ctx) => ctx.input.supplementId as string }], start: [{ name: 'acceptance', rule: () => 'xzfy.accept.review' }] },
    }),
    deem_abandoned: action({
      label: ACTION_LABELS.deem_abandoned, from: ['supplementing'], to: 'abandoned', roles: ['handler'], authorize: forOrgan,
      input: object({ reason: text(500) }, ['reason']),
      clocks: { stop: concludingStops },
    }),
    refer_settlement: action({
      label: ACTION_LABELS.refer_settlement, from: ['applied'], to: 'settling', roles: ['handler'], authorize: forOrgan,
      input: object({ note: text(1000) }),
      // The review waits while both sides try to settle before acceptance.
      clocks: { suspend: ['acceptance'] },
    }),
    settlement_failed: action({
      label: ACTION_LABELS.settlement_failed, from: ['settling'], to: 'applied', roles: ['handler'], authorize: forOrgan,
      input: object({ note: text(1000) }),
      clocks: { resume: ['acceptance'] },
    }),
    accept: action({
      label: ACTION_LABELS.accept, from: ['applied'], to: 'accepted', roles: ['handler'], authorize: forOrgan,
      input: object({ procedure: { type: 'string', enum: ['ordinary', 'simple'], 'x-kind': 'choice', 'x-labels': PROCEDURE_LABELS } }, ['procedure']),
      effect: async (ctx) => {
        const caseNumber = await nextNumber(ctx.tx, { organUnitId: ctx.organUnitId!, pattern: NUMBERING.caseNumber, at: ctx.now });
        await update(ctx, { procedure: ctx.input.procedure, acceptedOn: today(ctx), caseNumber });
        return { eventFacts: { caseNumber } };
      },
      clocks: {
        stop: ['acceptance'],
        start: [
          { name: 'decision', rule: (ctx) => decisionRule(ctx.input.procedure) },
          // Ordinary procedure: a copy to the respondent within seven working days (art. 48).
          { name: 'copy', rule: (ctx) => (ctx.input.procedure === 'ordinary' ? 'xzfy.copy.respondent' : null) },
        ],
      },
    }),
    deem_accepted: action({
      label: ACTION_LABELS.deem_accepted, from: ['applied'], to: 'accepted', roles: ['system'], authorize: forOrganOrPlatform,
      input: object({ lapsedAt: { type: 'string', format: 'date-time' } }, ['lapsedAt']),
      // Accepted the moment the review period ran out, whenever the sweep noticed.
      effect: async (ctx) => {
        const caseNumber = await nextNumber(ctx.tx, { organUnitId: ctx.organUnitId!, pattern: NUMBERING.caseNumber, at: ctx.now });
        await update(ctx, { procedure: 'ordinary', acceptedOn: shanghaiDay(new Date(new Date(ctx.input.lapsedAt).getTime() - 1)), caseNumber });
        return { eventFacts: { caseNumber } };
      },
      clocks: {
        start: [
          { name: 'decision', rule: () => 'xzfy.decision', startAt: (ctx) => new Date(ctx.input.lapsedAt) },
          { name: 'copy', rule: () => 'xzfy.copy.respondent', startAt: (ctx) => new Date(ctx.input.lapsedAt) },
        ],
      },
    }),
    reject: action({
      label: ACTION_LABELS.reject, from: ['applied'], to: 'not_accepted', roles: ['handler'], authorize: forOrgan,
      input: object({ reason: longText(2000), basis: text(500) }, ['reason', 'basis']),
      effect: async (ctx) => void (await update(ctx, { legalBasis: ctx.input.basis })),
      clocks: { stop: concludingStops },
    }),
    transfer: action({
      label: ACTION_LABELS.transfer, from: ['applied'], to: 'transferred', roles: ['handler'], authorize: forOrgan,
      input: object({ toOrgan: text(100), reason: text(1000) }, ['toOrgan', 'reason']),
      clocks: { stop: concludingStops },
    }),
    send_copy: action({
      label: ACTION_LABELS.send_copy, from: ['accepted'], roles: ['handler'], authorize: forOrgan,
      input: object({ note: text(1000) }),
      precondition: async (ctx) => ((await caseRow(ctx.tx, ctx.caseId)).copySentOn ? reconsiderationError('XZFY_COPY_ALREADY_SENT') : null),
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        await update(ctx, { copySentOn: today(ctx) });
        return { clockUnitId: row.respondentUnitId, clockRules: { reply: replyRule(row.procedure) } };
      },
      // The respondent answers with its evidence within ten working days of receipt (art. 48), five in the simple procedure (art. 54).
      clocks: { stop: ['copy'], start: [{ name: 'reply', rule: (_, result) => result.clockRules?.reply ?? null }] },
    }),
    respondent_reply: action({
      label: ACTION_LABELS.respondent_reply, from: ['accepted', 'committee', 'suspended'], roles: ['respondent'], authorize: forRespondent,
      input: object({ summary: longText(5000) }, ['summary']),
      precondition: async (ctx) => ((await caseRow(ctx.tx, ctx.caseId)).repliedOn ? reconsiderationError('XZFY_COPY_ALREADY_SENT', undefined, '已经提交过答复') : null),
      effect: async (ctx) => void (await update(ctx, { repliedOn: today(ctx) })),
      clocks: { stop: ['reply'] },
    }),
    schedule_hearing: action({
      label: ACTION_LABELS.schedule_hearing, from: ['accepted'], roles: ['handler'], authorize: forOrgan,
      input: object({ hearingOn: day, place: text(200) }, ['hearingOn', 'place']),
      // Parties are told in writing five working days before the hearing (art. 51): too late a date is refused.
      precondition: noticeInTime('xzfy.hearing.notice', (ctx) => ctx.input.hearingOn as string | undefined),
      clocks: { start: [{ name: 'hearing_notice', rule: () => 'xzfy.hearing.notice', eventDay: (ctx) => ctx.input.hearingOn as string }] },
    }),
    hold_hearing: action({
      label: ACTION_LABELS.hold_hearing, from: ['accepted'], roles: ['handler'], authorize: forOrgan,
      input: object({ record: longText(10000) }, ['record']),
      clocks: { stop: ['hearing_notice'] },
    }),
    refer_committee: action({
      label: ACTION_LABELS.refer_committee, from: ['accepted'], to: 'committee', roles: ['handler'], authorize: forOrgan,
      input: object({ questions: longText(2000) }, ['questions']),
    }),
    record_committee_opinion: action({
      label: ACTION_LABELS.record_committee_opinion, from: ['committee'], to: 'accepted', roles: ['handler'], authorize: forOrgan,
      input: object({ opinion: longText(5000), meetingOn: day }, ['opinion', 'meetingOn']),
    }),
    extend: action({
      label: ACTION_LABELS.extend, from: ['accepted', 'committee'], roles: ['head'], authorize: forHead,
      input: object({ reason: text(1000) }, ['reason']),
      precondition: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        if (row.procedure === 'simple') return reconsiderationError('XZFY_SIMPLE_NO_EXTENSION');
        return (await decisionClockExtended(ctx)) ? reconsiderationError('XZFY_ALREADY_EXTENDED') : null;
      },
      // At most thirty days, approved by the head, the parties told in writing (art. 62).
      clocks: { extend: ['decision'] },
    }),
    suspend: action({
      label: ACTION_LABELS.suspend, from: ['accepted', 'committee'], to: 'suspended', roles: ['handler'], authorize: forOrgan,
      input: object({ ground: { type: 'string', enum: SUSPENSION_GROUND_KEYS, 'x-kind': 'choice', 'x-labels': SUSPENSION_GROUND_LABELS }, note: text(1000) }, ['ground']),
      clocks: { suspend: ['decision', 'reply', 'copy'] },
    }),
    resume: action({
      label: ACTION_LABELS.resume, from: ['suspended'], to: 'accepted', roles: ['handler'], authorize: forOrgan,
      input: object({ note: text(1000) }),
      clocks: { resume: ['decision', 'reply', 'copy'] },
    }),
    withdraw: action({
      label: ACTION_LABELS.withdraw, from: ['applied', 'settling', 'accepted', 'committee', 'suspended'], to: 'withdrawn', roles: ['handler'], authorize: forOrgan,
      input: object({ reason: { type: 'string', enum: Object.keys(WITHDRAWAL_LABELS), 'x-kind': 'choice', 'x-labels': WITHDRAWAL_LABELS, title: '撤回情形' }, note: text(1000) }, ['reason']),
      // Withdrawn after the respondent put its own act right counts as a correction (METRICS.md 纠错率).
      effect: async (ctx) => void (await conclude(ctx, ctx.input.reason === 'respondent_corrected' ? 'respondent_corrected' : 'withdrawn')),
      clocks: { stop: concludingStops },
    }),
    terminate: action({
      label: ACTION_LABELS.terminate, from: ['accepted', 'committee', 'suspended'], to: 'terminated', roles: ['handler'], authorize: forOrgan,
      input: object({ reason: longText(2000), basis: text(500) }, ['reason', 'basis']),
      effect: async (ctx) => void (await conclude(ctx, 'terminated', { legalBasis: ctx.input.basis })),
      clocks: { stop: concludingStops },
    }),
    add_third_party: action({
      label: ACTION_LABELS.add_third_party, from: ['applied', 'settling', 'accepted', 'committee', 'suspended'], roles: ['handler'], authorize: forOrgan,
      input: object(
        {
          kind: { type: 'string', enum: Object.keys(APPLICANT_KIND_LABELS), 'x-kind': 'choice', 'x-labels': APPLICANT_KIND_LABELS, title: '第三人类别' },
          name: { ...text(100), 'x-personal': true },
          creditCode: { type: 'string', maxLength: 18 },
          joinedBy: { type: 'string', enum: Object.keys(JOINED_BY_LABELS), 'x-kind': 'choice', 'x-labels': JOINED_BY_LABELS },
          interest: longText(1000),
        },
        ['kind', 'name', 'joinedBy', 'interest'],
      ),
      // A company joins under its 统一社会信用代码, checked as at application.
      precondition: async (ctx) => {
        const code = ctx.input.creditCode ? normaliseCreditCode(ctx.input.creditCode) : null;
        if (ctx.input.kind === 'enterprise' && !code) return reconsiderationError('XZFY_CREDIT_CODE_INVALID', { field: 'creditCode' });
        return code && !isValidCreditCode(code) ? reconsiderationError('XZFY_CREDIT_CODE_INVALID', { field: 'creditCode' }) : null;
      },
      effect: async (ctx) => {
        const id = randomUUID();
        await ctx.tx.insert(reconsiderationThirdParties).values({
          id, caseId: ctx.caseId, kind: ctx.input.kind, name: ctx.input.name, creditCode: ctx.input.creditCode ? normaliseCreditCode(ctx.input.creditCode) : null,
          joinedBy: ctx.input.joinedBy, joinedOn: today(ctx),
        });
        return { eventFacts: { thirdPartyId: id } };
      },
    }),
    decide: action({
      label: ACTION_LABELS.decide, from: ['accepted'], to: 'decided', roles: ['handler'], authorize: forOrgan,
      input: object(
        { decision: { type: 'string', enum: MERITS_DECISIONS, 'x-kind': 'choice', 'x-labels': CONCLUSION_LABELS }, basis: text(500), reasoning: longText(20000) },
        ['decision', 'basis', 'reasoning'],
      ),
      // The decision is issued as its numbered 决定书, frozen, its hash in this event.
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const thirdParties = await ctx.tx.select({ name: reconsiderationThirdParties.name }).from(reconsiderationThirdParties).where(eq(reconsiderationThirdParties.caseId, ctx.caseId)).orderBy(reconsiderationThirdParties.joinedOn);
        await conclude(ctx, ctx.input.decision, { legalBasis: ctx.input.basis });
        const document = await issueDocumentFromFields(ctx.tx, {
          caseId: ctx.caseId, template: DECISION_TEMPLATE_ID, organUnitId: ctx.organUnitId, actor: ctx.actor, at: ctx.now,
          fields: {
            applicant: row.applicantName ?? '', respondent: row.respondentName, thirdParties: thirdParties.map((t) => t.name ?? '').filter(Boolean).join('、'), caseNumber: row.caseNumber ?? '', contestedAct: row.contestedAct ?? '',
            receivedOn: row.receivedOn, claims: row.claims ?? '', reasoning: ctx.input.reasoning, basis: ctx.input.basis, decision: decisionWording(ctx.input.decision),
          },
        });
        return { eventFacts: { document } };
      },
      clocks: { stop: concludingStops },
    }),
    serve: action({
      label: ACTION_LABELS.serve, from: ['decided'], to: 'closed', roles: ['handler'], authorize: forOrgan,
      input: object({ servedOn: day, method: text(100) }, ['servedOn']),
      effect: async (ctx) => void (await update(ctx, { servedOn: ctx.input.servedOn })),
    }),
    issue_opinion: action({
      label: ACTION_LABELS.issue_opinion, from: ['decided', 'closed', 'withdrawn', 'terminated'], roles: ['handler'], authorize: forOrgan,
      input: object(
        { kind: { type: 'string', enum: ['opinion', 'suggestion'], 'x-kind': 'choice', 'x-labels': OPINION_KIND_LABELS }, unitId: { type: 'integer', minimum: 1, maximum: 2_147_483_647, 'x-kind': 'unit' }, content: longText(10000) },
        ['kind', 'unitId', 'content'],
      ),
      effect: async (ctx) => {
        const unit = await findUnit(ctx.tx, ctx.input.unitId);
        if (!unit) throw reconsiderationError('XZFY_RESPONDENT_UNKNOWN', { field: 'unitId' });
        const id = randomUUID();
        await ctx.tx.insert(reconsiderationOpinions).values({ id, caseId: ctx.caseId, kind: ctx.input.kind, unitId: unit.id, content: ctx.input.content, issuedAt: ctx.now });
        return { clockUnitId: unit.id, eventFacts: { opinionId: id, unitName: unit.name } };
      },
      // An 意见书 must be reported on within sixty days (art. 76); a 建议书 asks for no report.
      clocks: { start: [{ name: 'opinion', rule: (ctx) => (ctx.input.kind === 'opinion' ? 'xzfy.opinion.report' : null), subject: (_, r) => r.eventFacts?.opinionId as string }] },
    }),
    report_on_opinion: action({
      label: ACTION_LABELS.report_on_opinion, from: ['decided', 'closed', 'withdrawn', 'terminated'], roles: ['respondent'],
      authorize: async (ctx) => {
        const opinion = await openOpinion(ctx);
        return opinion !== undefined && actsAs(ctx.actor, RECONSIDERATION_MODULE, ['respondent'], opinion.unitId);
      },
      input: object({ opinionId: { type: 'string', format: 'uuid' }, report: longText(10000) }, ['opinionId', 'report']),
      choices: async (ctx) => ({ opinionId: await openOpinions(ctx) }),
      effect: async (ctx) => {
        const opinion = await openOpinion(ctx);
        if (!opinion) throw reconsiderationError('XZFY_OPINION_UNKNOWN', { field: 'opinionId' });
        await ctx.tx.update(reconsiderationOpinions).set({ reportedAt: ctx.now, report: ctx.input.report }).where(eq(reconsiderationOpinions.id, opinion.id));
      },
      clocks: { stop: [{ name: 'opinion', subject: (ctx) => ctx.input.opinionId as string }] },
    }),
  },
});

/** A running clock of this 补正 notice is what "not yet answered" means. */
async function supplementOpen(ctx: Ctx): Promise<boolean> {
  const [clock] = await ctx.tx
    .select({ id: caseClocks.id })
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, 'supplement'), eq(caseClocks.subjectId, ctx.input.supplementId), isNull(caseClocks.stoppedAt)));
  return clock !== undefined;
}

/** The 补正 notices still awaiting material, for the form: sent on, due on. */
async function openSupplements(ctx: Ctx): Promise<Array<{ value: string; label: string }>> {
  const rows = await ctx.tx
    .select({ subjectId: caseClocks.subjectId, startedAt: caseClocks.startedAt, dueAt: caseClocks.dueAt })
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, 'supplement'), isNull(caseClocks.stoppedAt)));
  return rows
    .filter((r) => r.subjectId)
    .map((r) => ({ value: r.subjectId!, label: CHOICE_LABELS.supplement(shanghaiDay(r.startedAt), shanghaiDay(new Date(r.dueAt.getTime() - 1))) }));
}

/** The 意见书 and 建议书 of this case not yet reported on, each by its organ and day. */
async function openOpinions(ctx: Ctx): Promise<Array<{ value: string; label: string }>> {
  const rows = await ctx.tx
    .select({ id: reconsiderationOpinions.id, kind: reconsiderationOpinions.kind, unitId: reconsiderationOpinions.unitId, issuedAt: reconsiderationOpinions.issuedAt })
    .from(reconsiderationOpinions)
    .where(and(eq(reconsiderationOpinions.caseId, ctx.caseId), isNull(reconsiderationOpinions.reportedAt)));
  const out: Array<{ value: string; label: string }> = [];
  for (const r of rows) {
    const unit = await findUnit(ctx.tx, r.unitId);
    out.push({ value: r.id, label: CHOICE_LABELS.opinion(OPINION_KIND_LABELS[r.kind], unit?.name ?? '', shanghaiDay(r.issuedAt)) });
  }
  return out;
}

async function decisionClockExtended(ctx: Ctx): Promise<boolean> {
  const [clock] = await ctx.tx
    .select({ extended: caseClocks.extended })
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, 'decision'), isNull(caseClocks.stoppedAt)));
  return (clock?.extended ?? 0) > 0;
}

async function openOpinion(ctx: Ctx) {
  if (typeof ctx.input.opinionId !== 'string') return undefined;
  const [row] = await ctx.tx
    .select()
    .from(reconsiderationOpinions)
    .where(and(eq(reconsiderationOpinions.id, ctx.input.opinionId), eq(reconsiderationOpinions.caseId, ctx.caseId), isNull(reconsiderationOpinions.reportedAt)));
  return row;
}

/** 视为受理 (art. 30(3)): when the review period passes with nothing decided, the application stands accepted. */
async function deemAcceptedWhenReviewLapses(tx: Db, clock: LapsedClock): Promise<void> {
  if (clock.name !== 'acceptance') return;
  await performAction(tx, {
    caseId: clock.caseId, action: 'deem_accepted', actor: SYSTEM, input: { lapsedAt: clock.dueAt.toISOString() }, now: clock.sweptAt, caseType: RECONSIDERATION_CASE_TYPE,
  });
}
