import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDay } from '../../clock/index.js';
import { caseClocks, cases, listCaseEvents } from '../../cases/index.js';
import { caseDocuments, readPublishedDocument, type PublishedDocument } from '../../documents/index.js';
import { DECISION_TEMPLATE_ID, RECONSIDERATION_CASE_TYPE } from '../reconsideration-case-type.js';
import { reconsiderationError } from '../reconsideration.errors.js';
import { ACTION_LABELS, PROCEDURE_LABELS, PUBLIC_LABELS, STATE_LABELS } from '../reconsideration.strings.js';
import { reconsiderationCases } from '../reconsideration.tables.js';
import { CONCLUSION_LABELS } from '../rules/conclusions.js';

/**
 * The steps an applicant reads on the progress page. Internal work (the copy to the respondent,
 * the committee's deliberation, opinions to organs) stays off it; the applicant learns its
 * outcome from the decision.
 */
const PUBLIC_STEPS: readonly string[] = [
  'ask_supplement', 'receive_supplement', 'deem_abandoned', 'refer_settlement', 'settlement_failed', 'accept', 'deem_accepted', 'reject',
  'transfer', 'schedule_hearing', 'hold_hearing', 'extend', 'suspend', 'resume', 'withdraw', 'terminate', 'decide', 'serve',
];

export interface ReconsiderationProgress {
  caseNumber: string | null;
  state: string;
  stateLabel: string;
  receivedOn: string;
  respondentName: string;
  procedure: string | null;
  /** The last day of the review while it runs (null once decided, or while it stands still). */
  decisionDueOn: string | null;
  suspended: boolean;
  conclusion: string | null;
  concludedOn: string | null;
  /** The published decision, once the case is closed. */
  decisionDocumentId: string | null;
  steps: Array<{ on: string; label: string }>;
}

const rowByCode = (tx: Db, queryCode: string) =>
  tx.select().from(reconsiderationCases).where(eq(reconsiderationCases.queryCode, queryCode.trim().toUpperCase()));

/** What the applicant sees with the query code they were given; an unknown code is XZFY_CASE_NOT_FOUND. */
export async function reconsiderationProgress(tx: Db, queryCode: string): Promise<ReconsiderationProgress> {
  const [row] = await rowByCode(tx, queryCode);
  if (!row) throw reconsiderationError('XZFY_CASE_NOT_FOUND');
  const [[c], events, [decisionClock], published] = await Promise.all([
    tx.select({ state: cases.state }).from(cases).where(eq(cases.id, row.caseId)),
    listCaseEvents(tx, row.caseId),
    tx.select().from(caseClocks).where(and(eq(caseClocks.caseId, row.caseId), eq(caseClocks.name, 'decision'))).orderBy(desc(caseClocks.startedAt)).limit(1),
    publishedDecisionOf(tx, row.caseId),
  ]);
  const state = c?.state ?? 'applied';
  const running = decisionClock && !decisionClock.stoppedAt;
  return {
    caseNumber: row.caseNumber,
    state,
    stateLabel: (STATE_LABELS as Record<string, string>)[state] ?? state,
    receivedOn: row.receivedOn,
    respondentName: row.respondentName,
    procedure: row.procedure ? PROCEDURE_LABELS[row.procedure] : null,
    decisionDueOn: running && !decisionClock.pausedAt ? shanghaiDay(new Date(decisionClock.dueAt.getTime() - 1)) : null,
    suspended: Boolean(running && decisionClock.pausedAt),
    conclusion: row.decisionKey ? (CONCLUSION_LABELS[row.decisionKey] ?? row.decisionKey) : null,
    concludedOn: row.concludedOn,
    decisionDocumentId: published,
    steps: [
      { on: row.receivedOn, label: PUBLIC_LABELS.applied },
      ...events
        .filter((e) => PUBLIC_STEPS.includes(e.type))
        .map((e) => ({ on: shanghaiDay(e.at), label: (ACTION_LABELS as Record<string, string>)[e.type] ?? e.type })),
    ],
  };
}

/** The decision a closed case published: its final 决定书, once served. */
async function publishedDecisionOf(tx: Db, caseId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: caseDocuments.id })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.templateId, DECISION_TEMPLATE_ID), eq(caseDocuments.status, 'final'), eq(cases.state, 'closed')));
  return row?.id ?? null;
}

export interface PublishedDecisionItem {
  documentId: string;
  number: string;
  caseNumber: string | null;
  respondentName: string;
  field: string | null;
  conclusion: string | null;
  concludedOn: string | null;
}

/**
 * 行政复议决定书 published for everyone (公开): the final decisions of served cases, newest
 * first, optionally of one organ. Names of persons are redacted in the text (readPublishedDocument).
 */
export async function listPublishedDecisions(tx: Db, query: { organUnitId?: number; page: number; pageSize: number }): Promise<{ items: PublishedDecisionItem[]; total: number }> {
  const where = and(
    eq(cases.caseType, RECONSIDERATION_CASE_TYPE), eq(cases.state, 'closed'), eq(caseDocuments.templateId, DECISION_TEMPLATE_ID),
    eq(caseDocuments.status, 'final'), isNotNull(caseDocuments.number),
    query.organUnitId !== undefined ? eq(cases.organUnitId, query.organUnitId) : undefined,
  );
  const [{ n: total } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(caseDocuments).innerJoin(cases, eq(cases.id, caseDocuments.caseId)).where(where);
  const rows = await tx
    .select({
      documentId: caseDocuments.id, number: caseDocuments.number, caseNumber: reconsiderationCases.caseNumber, respondentName: reconsiderationCases.respondentName,
      field: reconsiderationCases.field, decisionKey: reconsiderationCases.decisionKey, concludedOn: reconsiderationCases.concludedOn,
    })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .innerJoin(reconsiderationCases, eq(reconsiderationCases.caseId, caseDocuments.caseId))
    .where(where)
    .orderBy(desc(caseDocuments.issuedAt), desc(caseDocuments.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total,
    items: rows.map(({ decisionKey, number, ...r }) => ({ ...r, number: number!, conclusion: decisionKey ? (CONCLUSION_LABELS[decisionKey] ?? decisionKey) : null })),
  };
}

/** One published decision's redacted text; any other document (a draft, an open case's) is not found. */
export async function readPublishedDecision(tx: Db, documentId: string): Promise<PublishedDocument> {
  const [row] = await tx
    .select({ id: caseDocuments.id })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.templateId, DECISION_TEMPLATE_ID), eq(caseDocuments.status, 'final'), inArray(cases.state, ['closed'])));
  if (!row) throw reconsiderationError('XZFY_DECISION_NOT_FOUND');
  return readPublishedDocument(tx, row.id);
}
