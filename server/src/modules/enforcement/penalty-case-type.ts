import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { shanghaiDay } from '../clock/index.js';
import { actsAs, caseClocks, defineCaseType, noticeInTime, inputFields, type ActionContext, type ActionDefinition } from '../cases/index.js';
import { issueDocumentFromFields } from '../documents/index.js';
import { enforcementError } from './enforcement.errors.js';
import { enforcementCertificates, enforcementMatters, enforcementObjectHistory, enforcementOfficers, enforcementSubjects, penaltyCases, penaltyEvidence } from './enforcement.tables.js';
import {
  CLUE_SOURCE_LABELS, EVIDENCE_KIND_LABELS, OUTCOME_LABELS, PENALTY_ACTION_LABELS, PENALTY_CASE_LABEL, PENALTY_CLOCK_LABELS, PENALTY_ESCALATION_LABELS, PENALTY_FIELD_LABELS,
  PENALTY_LIST_LABELS, PENALTY_STATE_LABELS, REVIEW_RESULT_LABELS, REVOCATION_LABELS, YES_NO, SERVICE_METHOD_LABELS, SUSPENSION_LABELS, TRANSFER_LABELS,
} from './enforcement.strings.js';
import { assertCertifiedOfficers, officerCanAct } from './operations/certified-officers.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';
import { discretionRangeFor } from './rules/discretion.js';
import { hearingRightGrounds } from './rules/hearing-right.js';
import { legalReviewGate, legalReviewGrounds } from './rules/legal-review.js';
import { lateSurcharge } from './rules/late-surcharge.js';
import { PENALTY_LAW, yuanToFen, type LegalReviewGround, type NoPenaltyGround, type Penalty, type PenaltyKind } from './rules/penalty-law.js';
import { summaryProcedureVerdict } from './rules/summary-procedure.js';
import { PENALTY_DOCUMENTS } from './penalty-documents.js';
import { CIRCUMSTANCES } from './rules/vocabulary.js';
import { filingRuleFor } from './rules/filing-rules.js';

export const PENALTY_CASE_TYPE = 'xzcf_case';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;
type CaseRow = typeof penaltyCases.$inferSelect;

const choice = (labels: Readonly<Record<string, string>>) => ({ type: 'string', enum: Object.keys(labels), 'x-kind': 'choice', 'x-labels': labels });
const { text, longText, day, object } = inputFields(PENALTY_FIELD_LABELS);
const officerList = { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2_147_483_647 }, minItems: 2, maxItems: 10, uniqueItems: true } as const;
const money = { type: 'number', minimum: 0, maximum: 1e10, multipleOf: 0.01, 'x-kind': 'money' } as const;
const PENALTY_KIND_LABELS = PENALTY_LAW.penaltyKinds.kinds;
const CIRCUMSTANCE_LABELS = Object.fromEntries(CIRCUMSTANCES.map((c) => [c.key, c.label]));
const REVIEW_GROUND_LABELS = Object.fromEntries(Object.entries(PENALTY_LAW.legalReview.grounds).map(([k, v]) => [k, v]));
const NO_PENALTY_LABELS = PENALTY_LAW.noPenalty.grounds;
/** Kinds given by an amount have their own money fields; the others are chosen together. */
const AMOUNT_FIELDS = { fineYuan: 'fine', confiscatedGainsYuan: 'confiscate_gains', confiscatedPropertyYuan: 'confiscate_property' } as const;
const OTHER_PENALTY_LABELS = Object.fromEntries(Object.entries(PENALTY_KIND_LABELS).filter(([k]) => !Object.values(AMOUNT_FIELDS).includes(k as never)));
const penaltyFields = {
  fineYuan: money, confiscatedGainsYuan: money, confiscatedPropertyYuan: money,
  otherPenalties: { type: 'array', items: { type: 'string', enum: Object.keys(OTHER_PENALTY_LABELS) }, uniqueItems: true, maxItems: 6, 'x-kind': 'choice', 'x-labels': OTHER_PENALTY_LABELS },
};

const noonOf = (d: string) => new Date(`${d}T12:00:00+08:00`);
const today = (ctx: Ctx) => shanghaiDay(ctx.now);
/** The acting person's account, for staff; -1 matches no officer. */
const userIdOf = (ctx: Ctx) => ('userId' in ctx.actor ? ctx.actor.userId : -1);

async function caseRow(tx: Db, caseId: string): Promise<CaseRow> {
  const [row] = await tx.select().from(penaltyCases).where(eq(penaltyCases.caseId, caseId));
  if (!row) throw enforcementError('XZCF_CASE_NOT_FOUND');
  return row;
}
const update = (ctx: Ctx, changes: Partial<typeof penaltyCases.$inferInsert>) => ctx.tx.update(penaltyCases).set(changes).where(eq(penaltyCases.caseId, ctx.caseId));

// Officers act for the subject that runs the case (its unit is the case's organ); the organ's
// head approves filing, extensions and decisions; its legal reviewers review.
const forOfficer = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['officer'], ctx.organUnitId);
const forHead = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['head'], ctx.organUnitId);
const forReviewer = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['legal_reviewer'], ctx.organUnitId);

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/** The penalties a form names, in fen; at least one. */
function penaltiesOf(input: Input): Penalty[] {
  const penalties: Penalty[] = [];
  for (const [field, kind] of Object.entries(AMOUNT_FIELDS)) if (typeof input[field] === 'number' && input[field] > 0) penalties.push({ kind, amountFen: yuanToFen(input[field]) });
  for (const kind of (input.otherPenalties ?? []) as PenaltyKind[]) penalties.push({ kind });
  if (!penalties.length) throw enforcementError('XZCF_PENALTY_INVALID', { field: 'fineYuan' });
  return penalties;
}
const fineOf = (penalties: readonly Penalty[]) => penalties.filter((p) => p.kind === 'fine').reduce((a, p) => a + (p.amountFen ?? 0), 0);
const describePenalties = (penalties: readonly Penalty[]) =>
  penalties.map((p) => (p.amountFen ? `${PENALTY_KIND_LABELS[p.kind]}人民币${(p.amountFen / 100).toFixed(2)}元` : PENALTY_KIND_LABELS[p.kind])).join('；');

/** The subject's officers with a certificate in force today, for the form. */
async function officerChoices(ctx: Ctx) {
  const row = await caseRow(ctx.tx, ctx.caseId);
  const officers = await ctx.tx.select({ id: enforcementOfficers.id, name: enforcementOfficers.name }).from(enforcementOfficers).where(eq(enforcementOfficers.subjectId, row.subjectId));
  const out: Array<{ value: number; label: string }> = [];
  for (const o of officers) if (await officerCanAct(ctx.tx, o.id, today(ctx), row.field)) out.push({ value: o.id, label: o.name });
  return out;
}

/** The subject's certified officers and its matters, for the forms that name both. */
async function officersAndMatters(ctx: Ctx) {
  const row = await caseRow(ctx.tx, ctx.caseId);
  const matters = await ctx.tx.select({ id: enforcementMatters.id, code: enforcementMatters.code, name: enforcementMatters.name }).from(enforcementMatters).where(eq(enforcementMatters.subjectId, row.subjectId));
  return { officerIds: await officerChoices(ctx), matterId: matters.map((m) => ({ value: m.id, label: `${m.code} ${m.name}` })) };
}

/** The acting person's own officer record in the case's subject, or a refusal. */
async function actingOfficer(ctx: Ctx, row: CaseRow) {
  const [officer] = await ctx.tx
    .select({ id: enforcementOfficers.id })
    .from(enforcementOfficers)
    .where(and(eq(enforcementOfficers.userId, userIdOf(ctx)), eq(enforcementOfficers.subjectId, row.subjectId)));
  if (!officer) throw enforcementError('XZCF_NOT_OFFICER');
  return officer.id;
}

/** Two certified officers, one of them the person acting, on the day of the act. */
async function twoOfficers(ctx: Ctx, officerIds: readonly number[], onDay: string) {
  const row = await caseRow(ctx.tx, ctx.caseId);
  const self = await actingOfficer(ctx, row);
  const ids = officerIds.includes(self) ? officerIds : [self, ...officerIds];
  await assertCertifiedOfficers(ctx.tx, ids, onDay, row.field);
  return { row, ids: [...ids] };
}

async function matterOf(tx: Db, row: CaseRow) {
  if (row.matterId === null) return undefined;
  const [matter] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, row.matterId));
  return matter;
}

async function subjectName(tx: Db, subjectId: number) {
  const [s] = await tx.select({ name: enforcementSubjects.name }).from(enforcementSubjects).where(eq(enforcementSubjects.id, subjectId));
  return s?.name ?? '';
}

async function officerNames(tx: Db, ids: readonly number[]) {
  if (!ids.length) return '';
  const rows = await tx
    .select({ id: enforcementOfficers.id, name: enforcementOfficers.name, number: enforcementCertificates.number })
    .from(enforcementOfficers)
    .leftJoin(enforcementCertificates, and(eq(enforcementCertificates.officerId, enforcementOfficers.id), eq(enforcementCertificates.status, 'valid')))
    .where(inArray(enforcementOfficers.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, `${r.name}（执法证号${r.number ?? ''}）`]));
  return ids.map((id) => byId.get(id) ?? '').filter(Boolean).join('、');
}

async function issue(ctx: Ctx, template: keyof typeof PENALTY_DOCUMENTS, fields: Record<string, unknown>) {
  return issueDocumentFromFields(ctx.tx, { caseId: ctx.caseId, template: PENALTY_DOCUMENTS[template].id, organUnitId: ctx.organUnitId, actor: ctx.actor, at: ctx.now, fields });
}

async function partyFields(tx: Db, row: CaseRow) {
  return { party: row.partyName ?? '', caseNumber: row.caseNumber ?? '', subject: await subjectName(tx, row.subjectId) };
}

async function clockRunning(ctx: Ctx, name: string, subject?: string) {
  const [clock] = await ctx.tx
    .select({ id: caseClocks.id, extended: caseClocks.extended })
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, name), isNull(caseClocks.stoppedAt), ...(subject ? [eq(caseClocks.subjectId, subject)] : [])));
  return clock;
}

/** Preserved evidence awaiting its handling decision, for the form. */
async function openPreservations(ctx: Ctx) {
  const rows = await ctx.tx
    .select({ id: penaltyEvidence.id, title: penaltyEvidence.title, takenOn: penaltyEvidence.takenOn })
    .from(penaltyEvidence)
    .where(and(eq(penaltyEvidence.caseId, ctx.caseId), eq(penaltyEvidence.kind, 'preserved'), isNull(penaltyEvidence.preservationDecidedOn)));
  return rows.map((r) => ({ value: r.id, label: `${r.title}（${r.takenOn}）` }));
}

/** Every clock of the procedure before the decision, stopped when the case ends one way or another. */
const PROCEDURE_CLOCKS = ['filing', 'decision', 'hearing_request', 'hearing_notice'];

/** What must hold before any decision is signed, whatever the route: the hearing held if asked, the legal review, the discussion, certified handlers. */
async function decisionGate(ctx: Ctx) {
  const row = await caseRow(ctx.tx, ctx.caseId);
  if (row.hearingRequestedOn && !row.hearingHeldOn) return enforcementError('XZCF_HEARING_PENDING');
  const grounds = legalReviewGrounds({ hearingHeld: row.hearingHeldOn !== null, marked: row.reviewGroundsMarked as LegalReviewGround[] });
  const gate = legalReviewGate({
    grounds, handlerIds: row.officerIds,
    ...(row.reviewPassed !== null && row.reviewerOfficerId !== null ? { review: { passed: row.reviewPassed, reviewerId: row.reviewerOfficerId } } : {}),
  });
  if (!gate.open) return enforcementError('XZCF_LEGAL_REVIEW_REQUIRED', undefined, gate.reason);
  if (row.collectiveRequired && !row.discussedOn) return enforcementError('XZCF_DISCUSSION_REQUIRED');
  await assertCertifiedOfficers(ctx.tx, row.officerIds, today(ctx), row.field);
  return null;
}

/**
 * 行政处罚案件 (行政处罚法 2021, with the market-regulation procedure where it is stricter): clue,
 * 核查 and 立案 with approval, investigation by two certified officers, 案件审核, 告知 with the
 * hearing right, 听证, 法制审核 before any major decision, 集体讨论, the decision within ninety days
 * of filing, 送达, 公示, payment with 加处罚款, 申请强制执行, and the archive. 当场处罚 on the spot.
 */
export const penaltyCaseType = defineCaseType({
  name: PENALTY_CASE_TYPE,
  label: PENALTY_CASE_LABEL,
  module: ENFORCEMENT_MODULE,
  states: Object.fromEntries(
    Object.entries(PENALTY_STATE_LABELS).map(([k, label]) => [k, { label, final: ['closed', 'not_filed', 'no_penalty', 'transferred'].includes(k) }]),
  ),
  initialState: 'clue',
  openEvent: 'clue_recorded',
  openLabel: '线索登记',
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  listing: {
    source: 'select case_id, case_number, party_name, summary, field, discovered_on, filed_on, decision_number, fine_fen / 100.0 as fine_yuan, outcome, decided_on from xzcf_cases',
    columns: [
      { key: 'case_number', label: PENALTY_LIST_LABELS.caseNumber, kind: 'text' },
      { key: 'party_name', label: PENALTY_LIST_LABELS.party, kind: 'text' },
      { key: 'summary', label: PENALTY_LIST_LABELS.summary, kind: 'text' },
      { key: 'discovered_on', label: PENALTY_LIST_LABELS.discoveredOn, kind: 'date' },
      { key: 'filed_on', label: PENALTY_LIST_LABELS.filedOn, kind: 'date' },
      { key: 'decision_number', label: PENALTY_LIST_LABELS.decisionNumber, kind: 'text' },
      { key: 'fine_yuan', label: PENALTY_LIST_LABELS.fine, kind: 'money' },
      { key: 'outcome', label: PENALTY_LIST_LABELS.outcome, kind: 'choice', options: OUTCOME_LABELS },
      { key: 'decided_on', label: PENALTY_LIST_LABELS.decidedOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: PENALTY_LIST_LABELS.state, kind: 'choice' },
      { key: 'organ', label: PENALTY_LIST_LABELS.organ, kind: 'unit' },
      { key: 'outcome', label: PENALTY_LIST_LABELS.outcome, kind: 'choice' },
      { key: 'discovered_on', label: PENALTY_LIST_LABELS.discoveredOn, kind: 'date_range' },
    ],
    search: ['case_number', 'party_name', 'summary', 'decision_number'],
    title: 'summary',
    code: 'case_number',
  },
  clocks: {
    filing: { label: PENALTY_CLOCK_LABELS.filing },
    decision: {
      label: PENALTY_CLOCK_LABELS.decision,
      escalation: [
        { at: 0.8, event: 'auto_urge', label: PENALTY_ESCALATION_LABELS.remind },
        { at: 1, event: 'auto_supervise', label: PENALTY_ESCALATION_LABELS.overdue },
      ],
    },
    hearing_request: { label: PENALTY_CLOCK_LABELS.hearing_request },
    hearing_notice: { label: PENALTY_CLOCK_LABELS.hearing_notice },
    preservation: { label: PENALTY_CLOCK_LABELS.preservation },
    service: { label: PENALTY_CLOCK_LABELS.service },
    publication: { label: PENALTY_CLOCK_LABELS.publication },
    withdrawal: { label: PENALTY_CLOCK_LABELS.withdrawal },
    payment: { label: PENALTY_CLOCK_LABELS.payment },
  },
  // The filing clock runs from the day the clue was discovered, where the field's procedure sets one.
  openingClocks: [{ name: 'filing', rule: (p) => filingRuleFor(p.field as string), startAt: (p) => noonOf(p.discoveredOn as string) }],
  erasePersonalData: async (tx, caseId) => {
    await tx.update(penaltyCases).set({ partyName: null }).where(and(eq(penaltyCases.caseId, caseId), eq(penaltyCases.partyKind, 'individual')));
  },
  actions: {
    propose_filing: action({
      label: PENALTY_ACTION_LABELS.propose_filing, from: ['clue'], to: 'filing', roles: ['officer'], authorize: forOfficer,
      input: object({ officerIds: { ...officerList, 'x-kind': 'choice' }, matterId: { type: 'integer', minimum: 1, maximum: 2_147_483_647, 'x-kind': 'choice' }, filingNote: longText(2000) }, ['officerIds', 'matterId', 'filingNote']),
      choices: officersAndMatters,
      effect: async (ctx) => {
        const { row, ids } = await twoOfficers(ctx, ctx.input.officerIds, today(ctx));
        const [matter] = await ctx.tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, ctx.input.matterId));
        if (!matter || matter.subjectId !== row.subjectId) throw enforcementError('XZCF_MATTER_NOT_HELD', { field: 'matterId' });
        await update(ctx, { officerIds: ids, matterId: matter.id });
        return { eventFacts: { officerIds: ids, matterCode: matter.code } };
      },
    }),
    decline_filing: action({
      label: PENALTY_ACTION_LABELS.decline_filing, from: ['clue', 'filing'], to: 'not_filed', roles: ['officer', 'head'],
      authorize: async (ctx) => (await forOfficer(ctx)) || (await forHead(ctx)),
      input: object({ reason: longText(2000) }, ['reason']),
      effect: async (ctx) => void (await update(ctx, { outcome: 'not_filed', closedOn: today(ctx) })),
      clocks: { stop: PROCEDURE_CLOCKS },
    }),
    return_filing: action({
      label: PENALTY_ACTION_LABELS.return_filing, from: ['filing'], to: 'clue', roles: ['head'], authorize: forHead,
      input: object({ reason: longText(2000) }, ['reason']),
    }),
    approve_filing: action({
      label: PENALTY_ACTION_LABELS.approve_filing, from: ['filing'], to: 'investigating', roles: ['head'], authorize: forHead,
      input: object({ note: text(1000) }),
      // The 立案审批表 carries the case number: its number is the case's.
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const matter = await matterOf(ctx.tx, row);
        const document = await issue(ctx, 'filing', {
          ...(await partyFields(ctx.tx, row)), caseNumber: '', summary: row.summary, source: CLUE_SOURCE_LABELS[row.source as keyof typeof CLUE_SOURCE_LABELS] ?? row.source,
          discoveredOn: row.discoveredOn, matter: matter ? `${matter.code} ${matter.name}` : '', basis: matter?.basis ?? '', officers: await officerNames(ctx.tx, row.officerIds),
        });
        await update(ctx, { caseNumber: document.number, filedOn: today(ctx) });
        await ctx.tx.update(enforcementObjectHistory).set({ summary: `${document.number} ${row.summary}` }).where(and(eq(enforcementObjectHistory.kind, 'case'), eq(enforcementObjectHistory.refId, ctx.caseId)));
        return { eventFacts: { caseNumber: document.number, document } };
      },
      // Ninety days to decide from filing (art. 60).
      clocks: { stop: ['filing'], start: [{ name: 'decision', rule: () => 'xzcf.decision' }] },
    }),
    record_evidence: action({
      label: PENALTY_ACTION_LABELS.record_evidence, from: ['investigating', 'reviewing', 'notified', 'suspended'], roles: ['officer'], authorize: forOfficer,
      input: object(
        { evidenceKind: choice(EVIDENCE_KIND_LABELS), title: text(200), takenOn: day, officerIds: { ...officerList, 'x-kind': 'choice' }, reference: text(500), sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        ['evidenceKind', 'title', 'takenOn', 'officerIds'],
      ),
      choices: async (ctx) => ({ officerIds: await officerChoices(ctx) }),
      // Taken by two certified officers on the day it was taken (art. 42, 55).
      effect: async (ctx) => {
        const { ids } = await twoOfficers(ctx, ctx.input.officerIds, ctx.input.takenOn);
        const id = randomUUID();
        await ctx.tx.insert(penaltyEvidence).values({
          id, caseId: ctx.caseId, kind: ctx.input.evidenceKind, title: ctx.input.title, takenOn: ctx.input.takenOn, officerIds: ids,
          reference: ctx.input.reference ?? null, sha256: ctx.input.sha256 ?? null,
        });
        return { eventFacts: { evidenceId: id, officerIds: ids } };
      },
    }),
    preserve_evidence: action({
      label: PENALTY_ACTION_LABELS.preserve_evidence, from: ['investigating'], roles: ['officer'], authorize: forOfficer,
      input: object({ title: text(200), items: longText(2000), officerIds: { ...officerList, 'x-kind': 'choice' } }, ['title', 'items', 'officerIds']),
      choices: async (ctx) => ({ officerIds: await officerChoices(ctx) }),
      effect: async (ctx) => {
        const { ids } = await twoOfficers(ctx, ctx.input.officerIds, today(ctx));
        const id = randomUUID();
        await ctx.tx.insert(penaltyEvidence).values({ id, caseId: ctx.caseId, kind: 'preserved', title: ctx.input.title, takenOn: today(ctx), officerIds: ids, reference: ctx.input.items });
        return { eventFacts: { evidenceId: id, officerIds: ids } };
      },
      // A handling decision within seven working days (art. 56).
      clocks: { start: [{ name: 'preservation', rule: () => 'xzcf.evidence.preserve', subject: (_, r) => r.eventFacts?.evidenceId as string }] },
    }),
    decide_preserved: action({
      label: PENALTY_ACTION_LABELS.decide_preserved, from: ['investigating', 'reviewing', 'notified', 'suspended'], roles: ['officer'], authorize: forOfficer,
      input: object({ evidenceId: { type: 'string', format: 'uuid', 'x-kind': 'choice' }, handling: text(1000) }, ['evidenceId', 'handling']),
      choices: async (ctx) => ({ evidenceId: await openPreservations(ctx) }),
      precondition: async (ctx) =>
        ctx.input.evidenceId && !(await clockRunning(ctx, 'preservation', ctx.input.evidenceId)) ? enforcementError('XZCF_EVIDENCE_UNKNOWN', { field: 'evidenceId' }) : null,
      effect: async (ctx) => void (await ctx.tx.update(penaltyEvidence).set({ preservationDecidedOn: today(ctx) }).where(and(eq(penaltyEvidence.id, ctx.input.evidenceId), eq(penaltyEvidence.caseId, ctx.caseId)))),
      clocks: { stop: [{ name: 'preservation', subject: (ctx) => ctx.input.evidenceId as string }] },
    }),
    propose_penalty: action({
      label: PENALTY_ACTION_LABELS.propose_penalty, from: ['investigating'], to: 'reviewing', roles: ['officer'], authorize: forOfficer,
      input: object(
        {
          facts: longText(10000), circumstance: choice(CIRCUMSTANCE_LABELS), ...penaltyFields,
          reviewGrounds: { type: 'array', items: choice(REVIEW_GROUND_LABELS), uniqueItems: true, maxItems: 4 }, collective: { type: 'boolean' },
        },
        ['facts', 'circumstance'],
      ),
      // The intended penalty stays within the matter's 裁量基准 for the circumstance found.
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const penalties = penaltiesOf(ctx.input);
        const matter = await matterOf(ctx.tx, row);
        if (matter && matter.discretion.length) {
          const range = discretionRangeFor(matter, ctx.input.circumstance);
          if (range.kind === 'exempt') throw enforcementError('XZCF_BENCHMARK_EXEMPT', { field: 'circumstance' });
          const fine = fineOf(penalties);
          if (range.kind === 'range' && fine > 0 && range.row.fineMin !== null && range.row.fineMax !== null && (fine < yuanToFen(range.row.fineMin) || fine > yuanToFen(range.row.fineMax))) {
            throw enforcementError('XZCF_FINE_OUTSIDE_BENCHMARK', { field: 'fineYuan', min: range.row.fineMin, max: range.row.fineMax });
          }
        }
        const partyKind = row.partyKind === 'individual' ? 'person' : 'organisation';
        const hearing = hearingRightGrounds(partyKind, penalties);
        await update(ctx, {
          penalties, fineFen: fineOf(penalties), circumstance: ctx.input.circumstance, hearingRight: hearing.length > 0,
          reviewGroundsMarked: ctx.input.reviewGrounds ?? [], collectiveRequired: ctx.input.collective === true,
        });
        return { eventFacts: { penalties, hearingGrounds: hearing } };
      },
    }),
    return_investigation: action({
      label: PENALTY_ACTION_LABELS.return_investigation, from: ['reviewing', 'legal_review', 'deciding'], to: 'investigating', roles: ['head', 'legal_reviewer'],
      authorize: async (ctx) => (await forHead(ctx)) || (await forReviewer(ctx)),
      input: object({ reason: longText(2000) }, ['reason']),
    }),
    approve_notice: action({
      label: PENALTY_ACTION_LABELS.approve_notice, from: ['reviewing'], to: 'notified', roles: ['head'], authorize: forHead,
      input: object({ note: text(1000) }),
      // The 告知书 states the intended penalty, its facts and basis, and the rights to state, defend and, where art. 63 gives it, to ask for a hearing.
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const matter = await matterOf(ctx.tx, row);
        const partyKind = row.partyKind === 'individual' ? 'person' : 'organisation';
        const grounds = hearingRightGrounds(partyKind, row.penalties as Penalty[]);
        const document = await issue(ctx, 'notice', {
          ...(await partyFields(ctx.tx, row)), penalties: describePenalties(row.penalties as Penalty[]), basis: matter?.basis ?? '',
          hearing: grounds.length ? `根据《中华人民共和国行政处罚法》第六十三条、第六十四条，你（单位）有权在收到本告知书之日起五个工作日内要求听证（${grounds.join('；')}），逾期视为放弃。` : '',
        });
        await update(ctx, { notifiedOn: today(ctx) });
        return { eventFacts: { document, hearingRight: grounds.length > 0 } };
      },
      // Five working days to ask for a hearing, counted from the notice (art. 64(1), 85).
      clocks: { start: [{ name: 'hearing_request', rule: (_, result) => (result.eventFacts?.hearingRight ? 'xzcf.hearing.request' : null) }] },
    }),
    record_statement: action({
      label: PENALTY_ACTION_LABELS.record_statement, from: ['notified'], roles: ['officer'], authorize: forOfficer,
      input: object({ statement: longText(5000), adopted: { type: 'boolean' }, reason: longText(2000) }, ['statement', 'adopted']),
    }),
    request_hearing: action({
      label: PENALTY_ACTION_LABELS.request_hearing, from: ['notified'], to: 'hearing', roles: ['officer'], authorize: forOfficer,
      input: object({ requestedOn: day }, ['requestedOn']),
      precondition: async (ctx) => ((await caseRow(ctx.tx, ctx.caseId)).hearingRight ? null : enforcementError('XZCF_HEARING_NOT_AVAILABLE')),
      effect: async (ctx) => void (await update(ctx, { hearingRequestedOn: ctx.input.requestedOn })),
      // The time of the hearing does not count against the ninety days (the rule's note; SAMR procedure).
      clocks: { stop: ['hearing_request'], suspend: ['decision'] },
    }),
    waive_hearing: action({
      label: PENALTY_ACTION_LABELS.waive_hearing, from: ['notified'], roles: ['officer'], authorize: forOfficer,
      input: object({ note: text(1000) }),
      precondition: async (ctx) => ((await caseRow(ctx.tx, ctx.caseId)).hearingRight ? null : enforcementError('XZCF_HEARING_NOT_AVAILABLE')),
      clocks: { stop: ['hearing_request'] },
    }),
    schedule_hearing: action({
      label: PENALTY_ACTION_LABELS.schedule_hearing, from: ['hearing'], roles: ['officer'], authorize: forOfficer,
      input: object({ hearingOn: day, place: text(200) }, ['hearingOn', 'place']),
      // The party is told seven days before (art. 64(2), working days by art. 85): too close a date is refused.
      precondition: noticeInTime('xzcf.hearing.notice', (ctx) => ctx.input.hearingOn as string | undefined),
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const document = await issue(ctx, 'hearingNotice', { ...(await partyFields(ctx.tx, row)), hearingOn: ctx.input.hearingOn, place: ctx.input.place });
        return { eventFacts: { document } };
      },
      clocks: { start: [{ name: 'hearing_notice', rule: () => 'xzcf.hearing.notice', eventDay: (ctx) => ctx.input.hearingOn as string }] },
    }),
    hold_hearing: action({
      label: PENALTY_ACTION_LABELS.hold_hearing, from: ['hearing'], to: 'notified', roles: ['officer'], authorize: forOfficer,
      input: object({ record: longText(20000) }, ['record']),
      precondition: async (ctx) => ((await clockRunning(ctx, 'hearing_notice')) ? null : enforcementError('XZCF_HEARING_PENDING', undefined, '请先通知听证的时间和地点')),
      effect: async (ctx) => void (await update(ctx, { hearingHeldOn: today(ctx) })),
      clocks: { stop: ['hearing_notice'], resume: ['decision'] },
    }),
    submit_legal_review: action({
      label: PENALTY_ACTION_LABELS.submit_legal_review, from: ['notified'], to: 'legal_review', roles: ['officer'], authorize: forOfficer,
      input: object({ note: text(1000) }),
      precondition: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        if (row.hearingRequestedOn && !row.hearingHeldOn) return enforcementError('XZCF_HEARING_PENDING');
        return null;
      },
      clocks: { stop: ['hearing_request'] },
    }),
    legal_review: action({
      label: PENALTY_ACTION_LABELS.legal_review, from: ['legal_review'], to: 'deciding', roles: ['legal_reviewer'], authorize: forReviewer,
      input: object({ result: choice(REVIEW_RESULT_LABELS), opinion: longText(10000) }, ['result', 'opinion']),
      // The reviewer holds a certificate in force and did not handle the case; a failed review sends the case back.
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const [reviewer] = await ctx.tx.select({ id: enforcementOfficers.id }).from(enforcementOfficers).where(eq(enforcementOfficers.userId, userIdOf(ctx)));
        if (!reviewer || !(await officerCanAct(ctx.tx, reviewer.id, today(ctx), row.field))) throw enforcementError('XZCF_REVIEWER_NOT_CERTIFIED');
        if (row.officerIds.includes(reviewer.id)) throw enforcementError('XZCF_REVIEWER_IS_HANDLER');
        const passed = ctx.input.result === 'passed';
        const document = await issue(ctx, 'legalReview', { ...(await partyFields(ctx.tx, row)), result: REVIEW_RESULT_LABELS[ctx.input.result as 'passed'], opinion: ctx.input.opinion });
        await update(ctx, { reviewPassed: passed, reviewerOfficerId: reviewer.id, reviewedOn: today(ctx) });
        return { eventFacts: { reviewerOfficerId: reviewer.id, document }, ...(passed ? {} : { nextState: 'investigating' }) };
      },
    }),
    skip_legal_review: action({
      label: '无须法制审核，报请决定', from: ['notified'], to: 'deciding', roles: ['officer'], authorize: forOfficer,
      input: object({ note: text(1000) }),
      // Only a case with no ground for review may go straight to the decision.
      precondition: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        if (row.hearingRequestedOn && !row.hearingHeldOn) return enforcementError('XZCF_HEARING_PENDING');
        const grounds = legalReviewGrounds({ hearingHeld: row.hearingHeldOn !== null, marked: row.reviewGroundsMarked as LegalReviewGround[] });
        return grounds.length ? enforcementError('XZCF_LEGAL_REVIEW_REQUIRED') : null;
      },
      clocks: { stop: ['hearing_request'] },
    }),
    refer_discussion: action({
      label: PENALTY_ACTION_LABELS.refer_discussion, from: ['deciding'], to: 'discussing', roles: ['head'], authorize: forHead,
      input: object({ note: text(1000) }),
    }),
    record_discussion: action({
      label: PENALTY_ACTION_LABELS.record_discussion, from: ['discussing'], to: 'deciding', roles: ['head'], authorize: forHead,
      input: object({ meetingOn: day, conclusion: longText(10000) }, ['meetingOn', 'conclusion']),
      effect: async (ctx) => void (await update(ctx, { discussedOn: ctx.input.meetingOn })),
    }),
    extend_decision: action({
      label: PENALTY_ACTION_LABELS.extend_decision, from: ['investigating', 'reviewing', 'notified', 'hearing', 'legal_review', 'discussing', 'deciding', 'suspended'], roles: ['head'], authorize: forHead,
      input: object({ reason: longText(1000) }, ['reason']),
      precondition: async (ctx) => ((await clockRunning(ctx, 'decision'))?.extended ? enforcementError('XZCF_ALREADY_EXTENDED') : null),
      clocks: { extend: ['decision'] },
    }),
    suspend: action({
      label: PENALTY_ACTION_LABELS.suspend, from: ['investigating', 'reviewing', 'notified', 'deciding'], to: 'suspended', roles: ['head'], authorize: forHead,
      input: object({ ground: choice(SUSPENSION_LABELS), note: text(1000) }, ['ground']),
      clocks: { suspend: ['decision'] },
    }),
    resume: action({
      label: PENALTY_ACTION_LABELS.resume, from: ['suspended'], to: 'investigating', roles: ['head'], authorize: forHead,
      input: object({ note: text(1000) }),
      clocks: { resume: ['decision'] },
    }),
    decide: action({
      label: PENALTY_ACTION_LABELS.decide, from: ['deciding'], to: 'decided', roles: ['head'], authorize: forHead,
      input: object({ facts: longText(10000), partyPresent: { type: 'boolean', 'x-kind': 'choice', 'x-labels': YES_NO } }, ['facts', 'partyPresent']),
      precondition: decisionGate,
      // The numbered 处罚决定书 is the decision: without it there is none (art. 59).
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const matter = await matterOf(ctx.tx, row);
        const document = await issue(ctx, 'decision', {
          ...(await partyFields(ctx.tx, row)), facts: ctx.input.facts, basis: matter?.basis ?? '', penalties: describePenalties(row.penalties as Penalty[]),
          officers: await officerNames(ctx.tx, row.officerIds),
        });
        // Announced to a party who is there, the decision is handed over at once (art. 61): served today.
        const present = ctx.input.partyPresent === true;
        await update(ctx, { outcome: 'penalty', decisionNumber: document.number, decidedOn: today(ctx), ...(present ? { servedOn: today(ctx) } : {}) });
        return { eventFacts: { decisionNumber: document.number, document, fined: row.fineFen > 0 }, ...(present ? { nextState: 'executing' } : {}) };
      },
      clocks: {
        stop: PROCEDURE_CLOCKS,
        start: [
          // Served within seven working days when the party was not there to receive it (art. 61).
          { name: 'service', rule: (ctx) => (ctx.input.partyPresent ? null : 'xzcf.service') },
          { name: 'publication', rule: () => 'xzcf.publication' },
          { name: 'payment', rule: (ctx, result) => (ctx.input.partyPresent && result.eventFacts?.fined ? 'xzcf.fine.payment' : null) },
        ],
      },
    }),
    decide_no_penalty: action({
      label: PENALTY_ACTION_LABELS.decide_no_penalty, from: ['investigating', 'deciding'], to: 'no_penalty', roles: ['head'], authorize: forHead,
      input: object({ ground_no_penalty: choice(NO_PENALTY_LABELS), facts: longText(10000) }, ['ground_no_penalty', 'facts']),
      // 首违不罚 cites the matter's place on the list; without one it is not available.
      precondition: async (ctx) => {
        if (ctx.input.ground_no_penalty !== 'first_violation') return null;
        const matter = await matterOf(ctx.tx, await caseRow(ctx.tx, ctx.caseId));
        return matter?.firstOffenceExempt ? null : enforcementError('XZCF_NOT_EXEMPT', { field: 'ground_no_penalty' });
      },
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const matter = await matterOf(ctx.tx, row);
        const ground = ctx.input.ground_no_penalty as NoPenaltyGround;
        const exemptionItem = ground === 'first_violation' ? matter?.exemptionItem ?? null : null;
        const document = await issue(ctx, 'noPenalty', {
          ...(await partyFields(ctx.tx, row)), facts: ctx.input.facts, ground: NO_PENALTY_LABELS[ground], exemptionItem: exemptionItem ?? '', basis: PENALTY_LAW.noPenalty.article,
        });
        await update(ctx, { outcome: 'no_penalty', noPenaltyGround: ground, exemptionItem, decisionNumber: document.number, decidedOn: today(ctx), closedOn: today(ctx) });
        return { eventFacts: { document, exemptionItem } };
      },
      clocks: { stop: PROCEDURE_CLOCKS },
    }),
    transfer: action({
      label: PENALTY_ACTION_LABELS.transfer, from: ['clue', 'investigating', 'deciding'], to: 'transferred', roles: ['head'], authorize: forHead,
      input: object({ target: choice(TRANSFER_LABELS), to: text(200), reason: longText(5000), receipt: text(500) }, ['target', 'to', 'reason']),
      // A suspected crime goes to the police with the case file, and their receipt is recorded (行刑衔接, art. 27).
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const document = await issue(ctx, 'transfer', { ...(await partyFields(ctx.tx, row)), to: ctx.input.to, reason: ctx.input.reason });
        await update(ctx, { outcome: 'transferred', transferredTo: ctx.input.to, closedOn: today(ctx) });
        return { eventFacts: { document } };
      },
      clocks: { stop: PROCEDURE_CLOCKS },
    }),
    decide_on_spot: action({
      label: PENALTY_ACTION_LABELS.decide_on_spot, from: ['clue'], to: 'executing', roles: ['officer'], authorize: forOfficer,
      input: object(
        { officerIds: { ...officerList, 'x-kind': 'choice' }, matterId: { type: 'integer', minimum: 1, maximum: 2_147_483_647, 'x-kind': 'choice' }, facts: longText(5000), ...penaltyFields },
        ['officerIds', 'matterId', 'facts'],
      ),
      choices: officersAndMatters,
      // Facts certain, a legal basis, and a warning or a small fine (art. 51); the decision handed over at once (art. 52).
      effect: async (ctx) => {
        const { row, ids } = await twoOfficers(ctx, ctx.input.officerIds, today(ctx));
        const penalties = penaltiesOf(ctx.input);
        const verdict = summaryProcedureVerdict(row.partyKind === 'individual' ? 'person' : 'organisation', penalties);
        if (!verdict.allowed) throw enforcementError('XZCF_SUMMARY_NOT_ALLOWED', { field: 'fineYuan' }, verdict.reason);
        const [matter] = await ctx.tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, ctx.input.matterId));
        if (!matter || matter.subjectId !== row.subjectId) throw enforcementError('XZCF_MATTER_NOT_HELD', { field: 'matterId' });
        const fine = fineOf(penalties);
        const document = await issue(ctx, 'onSpot', {
          ...(await partyFields(ctx.tx, row)), facts: ctx.input.facts, basis: matter.basis, penalties: describePenalties(penalties), officers: await officerNames(ctx.tx, ids),
        });
        // The on-the-spot decision is its own number, handed over at once: filed, decided and served today.
        await update(ctx, {
          officerIds: ids, matterId: matter.id, procedure: 'summary', penalties, fineFen: fine, outcome: 'penalty',
          caseNumber: document.number, decisionNumber: document.number, filedOn: today(ctx), decidedOn: today(ctx), servedOn: today(ctx),
        });
        // A warning alone leaves nothing to execute.
        return { eventFacts: { document, officerIds: ids }, ...(fine > 0 ? {} : { nextState: 'closing' }) };
      },
      clocks: {
        stop: ['filing'],
        start: [{ name: 'payment', rule: (ctx) => (typeof ctx.input.fineYuan === 'number' && ctx.input.fineYuan > 0 ? 'xzcf.fine.payment' : null) }],
      },
    }),
    serve: action({
      label: PENALTY_ACTION_LABELS.serve, from: ['decided'], to: 'executing', roles: ['officer'], authorize: forOfficer,
      input: object({ servedOn: day, method: choice(SERVICE_METHOD_LABELS) }, ['servedOn', 'method']),
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const document = await issue(ctx, 'service', { ...(await partyFields(ctx.tx, row)), decisionNumber: row.decisionNumber ?? '', servedOn: ctx.input.servedOn, method: SERVICE_METHOD_LABELS[ctx.input.method as 'mail'] });
        await update(ctx, { servedOn: ctx.input.servedOn });
        return { eventFacts: { document, fined: row.fineFen > 0 } };
      },
      // Fifteen days to pay from receipt (art. 67(3)).
      clocks: {
        stop: ['service'],
        start: [{ name: 'payment', rule: (_, result) => (result.eventFacts?.fined ? 'xzcf.fine.payment' : null), startAt: (ctx) => noonOf(ctx.input.servedOn as string) }],
      },
    }),
    publish: action({
      label: PENALTY_ACTION_LABELS.publish, from: ['decided', 'executing', 'enforcing', 'closing', 'closed'], roles: ['officer'], authorize: forOfficer,
      input: object({ note: text(500) }),
      precondition: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        return row.outcome === 'penalty' && !row.publishedOn ? null : enforcementError('XZCF_CASE_NOT_FOUND', undefined, '该决定已经公示，或不是处罚决定');
      },
      effect: async (ctx) => void (await update(ctx, { publishedOn: today(ctx) })),
      clocks: { stop: ['publication'] },
    }),
    record_revocation: action({
      label: PENALTY_ACTION_LABELS.record_revocation, from: ['decided', 'executing', 'enforcing', 'closing', 'closed'], roles: ['head'], authorize: forHead,
      input: object({ revokedBy: choice(REVOCATION_LABELS), reason: longText(2000) }, ['revokedBy', 'reason']),
      precondition: async (ctx) => ((await caseRow(ctx.tx, ctx.caseId)).outcome === 'penalty' ? null : enforcementError('XZCF_CASE_NOT_FOUND', undefined, '只有处罚决定可以登记被撤销或变更')),
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        return { eventFacts: { published: row.publishedOn !== null && row.withdrawnOn === null } };
      },
      // A published decision revoked or varied comes off within three working days (art. 48(2)).
      clocks: { start: [{ name: 'withdrawal', rule: (_, result) => (result.eventFacts?.published ? 'xzcf.publication.withdraw' : null) }] },
    }),
    withdraw_publication: action({
      label: PENALTY_ACTION_LABELS.withdraw_publication, from: ['decided', 'executing', 'enforcing', 'closing', 'closed'], roles: ['officer'], authorize: forOfficer,
      input: object({ reason: longText(2000) }, ['reason']),
      precondition: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        return row.publishedOn && !row.withdrawnOn ? null : enforcementError('XZCF_CASE_NOT_FOUND', undefined, '该决定没有在公示中');
      },
      effect: async (ctx) => void (await update(ctx, { withdrawnOn: today(ctx) })),
      clocks: { stop: ['withdrawal'] },
    }),
    record_payment: action({
      label: PENALTY_ACTION_LABELS.record_payment, from: ['executing', 'enforcing'], to: 'closing', roles: ['officer'], authorize: forOfficer,
      input: object({ paidOn: day, amountPaidYuan: money }, ['paidOn', 'amountPaidYuan']),
      // Late payment adds 3 % a day, up to the fine (art. 72): recorded with the payment.
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const dueOn = (await paymentDueOn(ctx)) ?? row.paymentDueOn ?? ctx.input.paidOn;
        const surcharge = lateSurcharge({ fineFen: row.fineFen, dueOn, until: ctx.input.paidOn });
        await update(ctx, { paidOn: ctx.input.paidOn, paymentDueOn: dueOn, surchargeFen: surcharge.surchargeFen });
        return { eventFacts: { dueOn, surchargeFen: surcharge.surchargeFen, lateDays: surcharge.days } };
      },
      clocks: { stop: ['payment'] },
    }),
    apply_enforcement: action({
      label: PENALTY_ACTION_LABELS.apply_enforcement, from: ['executing'], to: 'enforcing', roles: ['head'], authorize: forHead,
      input: object({ court: text(200), appliedOn: day }, ['court', 'appliedOn']),
      effect: async (ctx) => void (await update(ctx, { enforcementAppliedOn: ctx.input.appliedOn })),
      clocks: { stop: ['payment'] },
    }),
    close: action({
      label: PENALTY_ACTION_LABELS.close, from: ['closing', 'enforcing', 'executing'], to: 'closed', roles: ['head'], authorize: forHead,
      input: object({ summary: longText(5000) }, ['summary']),
      // A fine still unpaid keeps the case open: it is paid, or the court is asked to enforce it.
      precondition: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        return ctx.state === 'executing' && row.fineFen > 0 && !row.paidOn ? enforcementError('XZCF_FINE_UNPAID') : null;
      },
      effect: async (ctx) => {
        const row = await caseRow(ctx.tx, ctx.caseId);
        const document = await issue(ctx, 'closing', {
          ...(await partyFields(ctx.tx, row)), decisionNumber: row.decisionNumber ?? '', penalties: describePenalties(row.penalties as Penalty[]),
          execution: row.paidOn ? `已于${row.paidOn}缴纳罚款${row.surchargeFen ? `，加处罚款${(row.surchargeFen / 100).toFixed(2)}元` : ''}` : row.enforcementAppliedOn ? `已于${row.enforcementAppliedOn}申请人民法院强制执行` : '',
          summary: ctx.input.summary,
        });
        await update(ctx, { closedOn: today(ctx) });
        return { eventFacts: { document } };
      },
    }),
  },
});

/** The last day to pay, from the running payment clock (its limit is the end of that day). */
async function paymentDueOn(ctx: Ctx): Promise<string | undefined> {
  const [clock] = await ctx.tx.select({ dueAt: caseClocks.dueAt }).from(caseClocks).where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, 'payment'), isNull(caseClocks.stoppedAt)));
  return clock ? shanghaiDay(new Date(clock.dueAt.getTime() - 1)) : undefined;
}
