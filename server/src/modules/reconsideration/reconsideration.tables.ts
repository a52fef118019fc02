import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A reconsideration case (行政复议案件): the facts of a case of type `xzfy_case` beside the
 * engine's row. The applicant's and agent's names are personal data (kept here and beside the
 * record, erasable); a company's 统一社会信用代码 is not.
 */
export const reconsiderationCases = pgTable(
  'xzfy_cases',
  {
    caseId: uuid('case_id').primaryKey(),
    /** 案号, given at acceptance by the organ's numbering (e.g. 兰政复〔2026〕12号). */
    caseNumber: text('case_number').unique(),
    /** What the applicant follows the case with on the public page. */
    queryCode: text('query_code').notNull().unique(),
    channel: text('channel', { enum: ['online', 'counter', 'mail', 'import'] }).notNull(),
    /** Null for a case imported from a register that does not say. */
    applicantKind: text('applicant_kind', { enum: ['citizen', 'enterprise', 'organisation'] }),
    applicantName: text('applicant_name'),
    creditCode: text('credit_code'),
    agentName: text('agent_name'),
    /** The respondent in the unit tree; null for an organ outside it (a municipal bureau). */
    respondentUnitId: integer('respondent_unit_id'),
    respondentName: text('respondent_name').notNull(),
    /** 被申请复议的行政行为 */
    contestedAct: text('contested_act'),
    /** 行政管理领域 (公安, 自然资源, 市场监管 …) */
    field: text('field'),
    /** 复议请求 */
    claims: text('claims'),
    receivedOn: text('received_on').notNull(),
    procedure: text('procedure', { enum: ['ordinary', 'simple'] }),
    acceptedOn: text('accepted_on'),
    copySentOn: text('copy_sent_on'),
    repliedOn: text('replied_on'),
    /** The conclusion's key in data/decisions.json (维持 uphold, 撤销 revoke, 自行纠正后撤回 respondent_corrected …). */
    decisionKey: text('decision_key'),
    legalBasis: text('legal_basis'),
    concludedOn: text('concluded_on'),
    servedOn: text('served_on'),
  },
  (t) => [
    index('xzfy_cases_respondent_idx').on(t.respondentUnitId),
    index('xzfy_cases_received_idx').on(t.receivedOn),
    index('xzfy_cases_concluded_idx').on(t.concludedOn),
  ],
);

/** 行政复议意见书 / 建议书 sent to an organ; an 意见书 must be reported on within 60 days (art. 76). */
export const reconsiderationOpinions = pgTable('xzfy_opinions', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind', { enum: ['opinion', 'suggestion'] }).notNull(),
  unitId: integer('unit_id').notNull(),
  content: text('content').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  report: text('report'),
});

/**
 * 第三人 (art. 16): a person or organisation with a stake in the contested act or the case's
 * outcome, who asked to join or whom the organ called in. The name is personal data (also kept
 * beside the record, erasable).
 */
export const reconsiderationThirdParties = pgTable(
  'xzfy_third_parties',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind', { enum: ['citizen', 'enterprise', 'organisation'] }).notNull(),
    name: text('name'),
    creditCode: text('credit_code'),
    /** Asked to join (申请参加) or called in by the organ (通知参加). */
    joinedBy: text('joined_by', { enum: ['applied', 'notified'] }).notNull(),
    joinedOn: text('joined_on').notNull(),
  },
  (t) => [index('xzfy_third_parties_case_idx').on(t.caseId)],
);
