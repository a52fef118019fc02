import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DiscretionRow } from './rules/discretion.js';
import type { ReviewSheet } from './rules/file-review.js';

/**
 * 执法主体: an organ that enforces in its own name, an organisation it entrusts (受委托组织,
 * acting in the entrusting organ's name), or a township's 综合行政执法队. Each is tied to a
 * unit of the tree, through which readers' scope reaches it.
 */
export const enforcementSubjects = pgTable(
  'xzzf_subjects',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    name: text('name').notNull().unique(),
    kind: text('kind', { enum: ['organ', 'entrusted', 'township_team'] }).notNull(),
    /** For an entrusted organisation: the subject in whose name it acts. */
    entrustedById: integer('entrusted_by_id'),
    /** The act that makes it a subject (三定方案, 委托书, the province's decision for townships). */
    basisText: text('basis_text').notNull(),
    /** The law and article it rests on. */
    basisArticle: text('basis_article').notNull(),
    /** GB/T 2260 codes of the places it enforces in. */
    regionCodes: jsonb('region_codes').$type<string[]>().notNull(),
    /** Keys of data/fields.json. */
    fields: jsonb('fields').$type<string[]>().notNull(),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_subjects_unit_idx').on(t.unitId)],
);

/** 执法人员: a person of a subject, linked to their account where they have one. */
export const enforcementOfficers = pgTable(
  'xzzf_officers',
  {
    id: serial('id').primaryKey(),
    subjectId: integer('subject_id').notNull(),
    userId: integer('user_id'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_officers_subject_idx').on(t.subjectId), uniqueIndex('xzzf_officers_user_idx').on(t.userId).where(sql`${t.userId} is not null`)],
);

/** 执法证: what lets an officer act, in its fields, between its days, while 有效. */
export const enforcementCertificates = pgTable(
  'xzzf_certificates',
  {
    id: serial('id').primaryKey(),
    officerId: integer('officer_id').notNull(),
    number: text('number').notNull().unique(),
    issuer: text('issuer').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    /** YYYY-MM-DD, both days included. */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    status: text('status', { enum: ['valid', 'suspended', 'revoked', 'cancelled'] }).notNull().default('valid'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [index('xzzf_certificates_officer_idx').on(t.officerId), index('xzzf_certificates_valid_to_idx').on(t.validTo)],
);

/**
 * 执法对象: an enterprise (or other organisation) by its 统一社会信用代码, or a person. A person's
 * 居民身份证 number is never stored as such: `idNumberMasked` for display, `idNumberKey` (an HMAC
 * under the platform key) to find them by number, `idNumberSealed` (AES-GCM under the platform key)
 * for the documents that must carry it. A county's register (`governmentUnitId`) is shared by its subjects.
 */
export const enforcementObjects = pgTable(
  'xzzf_objects',
  {
    id: serial('id').primaryKey(),
    governmentUnitId: integer('government_unit_id').notNull(),
    kind: text('kind', { enum: ['enterprise', 'individual'] }).notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    idNumberMasked: text('id_number_masked'),
    idNumberKey: text('id_number_key'),
    idNumberSealed: text('id_number_sealed'),
    address: text('address'),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('xzzf_objects_credit_code_idx').on(t.governmentUnitId, t.creditCode).where(sql`${t.creditCode} is not null`),
    uniqueIndex('xzzf_objects_id_number_idx').on(t.governmentUnitId, t.idNumberKey).where(sql`${t.idNumberKey} is not null`),
    index('xzzf_objects_name_idx').on(t.name),
  ],
);

/** An object's history: each case and inspection that concerned it, appended by the code that opens them. */
export const enforcementObjectHistory = pgTable(
  'xzzf_object_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    objectId: integer('object_id').notNull(),
    kind: text('kind', { enum: ['case', 'inspection'] }).notNull(),
    /** The case's or inspection's id. */
    refId: text('ref_id').notNull(),
    /** The subject that handled it. */
    subjectId: integer('subject_id').notNull(),
    day: text('day').notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_object_history_object_idx').on(t.objectId, t.day), uniqueIndex('xzzf_object_history_ref_idx').on(t.objectId, t.kind, t.refId)],
);

/** 执法事项: a power of the 权责清单 a subject enforces, with its 裁量基准 and its place on the 不罚 lists. */
export const enforcementMatters = pgTable(
  'xzzf_matters',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    field: text('field').notNull(),
    subjectId: integer('subject_id').notNull(),
    basis: text('basis').notNull(),
    /** The item's code in the 权责清单 (duty_items), when the file names it. */
    dutyCode: text('duty_code'),
    firstOffenceExempt: boolean('first_offence_exempt').notNull(),
    minorExempt: boolean('minor_exempt').notNull(),
    /** The item of the 首违不罚 / 轻微不罚 list as the list words it. */
    exemptionItem: text('exemption_item'),
    discretion: jsonb('discretion').$type<DiscretionRow[]>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_matters_subject_idx').on(t.subjectId)],
);

/**
 * 行政处罚案件: one row per case beside the engine's `cases`, from the clue to the archive. Money
 * in fen. The party's name sits here for the lists (an enterprise's) or beside the record (a
 * person's, erasable): `partyName` is null for a person once erased.
 */
export const penaltyCases = pgTable(
  'xzcf_cases',
  {
    caseId: uuid('case_id').primaryKey(),
    subjectId: integer('subject_id').notNull(),
    field: text('field').notNull(),
    source: text('source').notNull(),
    summary: text('summary').notNull(),
    discoveredOn: text('discovered_on').notNull(),
    partyKind: text('party_kind', { enum: ['enterprise', 'individual'] }).notNull(),
    objectId: integer('object_id'),
    partyName: text('party_name'),
    matterId: integer('matter_id'),
    procedure: text('procedure', { enum: ['general', 'summary'] }).notNull().default('general'),
    caseNumber: text('case_number'),
    filedOn: text('filed_on'),
    /** The two (or more) certified officers who handle it (xzzf_officers ids). */
    officerIds: jsonb('officer_ids').$type<number[]>().notNull().default([]),
    circumstance: text('circumstance'),
    /** Intended, then decided: [{ kind, amountFen? }]. */
    penalties: jsonb('penalties').$type<Array<{ kind: string; amountFen?: number }>>().notNull().default([]),
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull().default(0),
    hearingRight: boolean('hearing_right').notNull().default(false),
    notifiedOn: text('notified_on'),
    hearingRequestedOn: text('hearing_requested_on'),
    hearingHeldOn: text('hearing_held_on'),
    /** The 法制审核 grounds marked by the handlers (data/penalty-law.json legalReview). */
    reviewGroundsMarked: jsonb('review_grounds_marked').$type<string[]>().notNull().default([]),
    reviewPassed: boolean('review_passed'),
    reviewerOfficerId: integer('reviewer_officer_id'),
    reviewedOn: text('reviewed_on'),
    /** 情节复杂或者重大违法: the 负责人 decide collectively (art. 57(2)). */
    collectiveRequired: boolean('collective_required').notNull().default(false),
    discussedOn: text('discussed_on'),
    outcome: text('outcome', { enum: ['penalty', 'no_penalty', 'transferred', 'not_filed'] }),
    noPenaltyGround: text('no_penalty_ground'),
    exemptionItem: text('exemption_item'),
    transferredTo: text('transferred_to'),
    decisionNumber: text('decision_number'),
    decidedOn: text('decided_on'),
    servedOn: text('served_on'),
    publishedOn: text('published_on'),
    withdrawnOn: text('withdrawn_on'),
    paymentDueOn: text('payment_due_on'),
    paidOn: text('paid_on'),
    surchargeFen: bigint('surcharge_fen', { mode: 'number' }).notNull().default(0),
    enforcementAppliedOn: text('enforcement_applied_on'),
    closedOn: text('closed_on'),
  },
  (t) => [
    index('xzcf_cases_subject_idx').on(t.subjectId),
    index('xzcf_cases_object_idx').on(t.objectId),
    // The oversight view at a city's scale (operations/oversight.ts): each index holds only the
    // candidates of one figure or irregularity, so none of them reads every case.
    index('xzcf_cases_open_idx').on(t.subjectId).where(sql`${t.closedOn} is null`),
    index('xzcf_cases_no_review_idx').on(t.subjectId)
      .where(sql`${t.outcome} = 'penalty' and (${t.hearingHeldOn} is not null or jsonb_array_length(${t.reviewGroundsMarked}) > 0) and coalesce(${t.reviewPassed}, false) = false`),
    index('xzcf_cases_first_handler_idx').on(sql`(${t.officerIds}->>0)`, t.decidedOn).where(sql`${t.decidedOn} is not null`),
    index('xzcf_cases_second_handler_idx').on(sql`(${t.officerIds}->>1)`, t.decidedOn).where(sql`${t.decidedOn} is not null`),
    index('xzcf_cases_many_handlers_idx').on(t.subjectId).where(sql`${t.decidedOn} is not null and jsonb_array_length(${t.officerIds}) > 2`),
  ],
);

/** 证据: records of inquiry and inspection, photos, audio and video, each by its content hash and the officers who took it; `preserved` rows are goods under 先行登记保存. */
export const penaltyEvidence = pgTable(
  'xzcf_evidence',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    takenOn: text('taken_on').notNull(),
    officerIds: jsonb('officer_ids').$type<number[]>().notNull(),
    /** Where audio or video lies (a storage path or the recorder's file name), when not attached. */
    reference: text('reference'),
    sha256: text('sha256'),
    preservationDecidedOn: text('preservation_decided_on'),
  },
  (t) => [index('xzcf_evidence_case_idx').on(t.caseId)],
);

/**
 * 执法监督意见: the 司法局's supervisor to a subject, with what was found, what must change and
 * the day to report by; the subject's report and the supervisor's acceptance.
 */
export const supervisionOpinions = pgTable(
  'xzzf_supervision_opinions',
  {
    caseId: uuid('case_id').primaryKey(),
    subjectId: integer('subject_id').notNull(),
    subjectUnitId: integer('subject_unit_id').notNull(),
    findings: text('findings').notNull(),
    requirements: text('requirements').notNull(),
    respondBy: text('respond_by'),
    issuedOn: text('issued_on'),
    answeredOn: text('answered_on'),
    closedOn: text('closed_on'),
  },
  (t) => [index('xzzf_supervision_subject_idx').on(t.subjectId)],
);

/**
 * 案卷评查: a campaign of the 司法局 over the subjects of its government — which files it takes
 * (decided within its period), the scoring sheet its reviewers use, and when its 示范优案 and
 * 典型差案 were published.
 */
export const reviewCampaigns = pgTable('xzzf_review_campaigns', {
  id: serial('id').primaryKey(),
  governmentUnitId: integer('government_unit_id').notNull(),
  title: text('title').notNull(),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  sheet: jsonb('sheet').$type<ReviewSheet>().notNull(),
  reviewersPerFile: integer('reviewers_per_file').notNull(),
  createdBy: integer('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  publishedOn: text('published_on'),
});

/** One file under review (a case of type xzzf_file_review): the 行政处罚 case, why it was taken, its reviewers, score and grade. */
export const fileReviews = pgTable(
  'xzzf_file_reviews',
  {
    caseId: uuid('case_id').primaryKey(),
    campaignId: integer('campaign_id').notNull(),
    penaltyCaseId: uuid('penalty_case_id').notNull(),
    subjectId: integer('subject_id').notNull(),
    subjectUnitId: integer('subject_unit_id').notNull(),
    /** rule, random or nominated (案例征集), and the rule's key or the nomination's reason. */
    source: text('source', { enum: ['rule', 'random', 'nominated'] }).notNull(),
    reason: text('reason').notNull(),
    reviewerIds: jsonb('reviewer_ids').$type<number[]>().notNull(),
    score: integer('score_tenths'),
    grade: text('grade', { enum: ['excellent', 'ordinary', 'poor'] }),
    summary: text('summary'),
    decidedOn: text('decided_on'),
    publishedOn: text('published_on'),
  },
  (t) => [uniqueIndex('xzzf_file_reviews_campaign_case_idx').on(t.campaignId, t.penaltyCaseId), index('xzzf_file_reviews_penalty_idx').on(t.penaltyCaseId)],
);

/** A reviewer's scoring of one file: points per sheet item, and what they found. */
export const fileReviewScores = pgTable(
  'xzzf_file_review_scores',
  {
    caseId: uuid('case_id').notNull(),
    reviewerId: integer('reviewer_id').notNull(),
    points: jsonb('points').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    comments: text('comments').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.reviewerId] })],
);

/**
 * 涉企检查 plan: one subject's inspections of a year under one 行政检查 matter, drawn once
 * (双随机) from the county's enterprises below the yearly cap. `plannedCount` null: the default
 * share of the candidates (data/inspection-rules.json).
 */
export const inspectionPlans = pgTable(
  'xzjc_plans',
  {
    id: serial('id').primaryKey(),
    subjectId: integer('subject_id').notNull(),
    year: integer('year').notNull(),
    matterId: integer('matter_id').notNull(),
    title: text('title').notNull(),
    plannedCount: integer('planned_count'),
    /** Subjects inspecting with this one (部门联合检查): each inspection of the plan is one for the enterprise. */
    jointSubjectIds: jsonb('joint_subject_ids').$type<number[]>().notNull().default([]),
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    status: text('status', { enum: ['planned', 'drawn', 'closed'] }).notNull().default('planned'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzjc_plans_subject_idx').on(t.subjectId, t.year)],
);

/** One inspection drawn for a plan: whom, by whom, on which day, with its 扫码入企 code, then its result. */
export const inspections = pgTable(
  'xzjc_inspections',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull(),
    subjectId: integer('subject_id').notNull(),
    year: integer('year').notNull(),
    objectId: integer('object_id').notNull(),
    officerIds: jsonb('officer_ids').$type<number[]>().notNull(),
    jointSubjectIds: jsonb('joint_subject_ids').$type<number[]>().notNull().default([]),
    plannedOn: text('planned_on').notNull(),
    code: text('code').notNull().unique(),
    status: text('status', { enum: ['drawn', 'done'] }).notNull().default('drawn'),
    result: text('result', { enum: ['no_problem', 'problems'] }),
    resultNote: text('result_note'),
    inspectedOn: text('inspected_on'),
    /** The officers who carried it out and signed the result (two certified, not necessarily the drawn pair if one was replaced). */
    inspectedBy: jsonb('inspected_by').$type<number[]>(),
    followUpCaseId: uuid('follow_up_case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzjc_inspections_plan_idx').on(t.planId), index('xzjc_inspections_object_idx').on(t.objectId, t.year)],
);

/** The record of a plan's draw, enough to replay it: the seed, who was a candidate, who was over the cap, what came out. */
export const inspectionDraws = pgTable('xzjc_draws', {
  planId: integer('plan_id').primaryKey(),
  seed: text('seed').notNull(),
  candidateCount: integer('candidate_count').notNull(),
  candidateIds: jsonb('candidate_ids').$type<number[]>().notNull(),
  cappedIds: jsonb('capped_ids').$type<number[]>().notNull(),
  officerPoolIds: jsonb('officer_pool_ids').$type<number[]>().notNull(),
  drawnObjectIds: jsonb('drawn_object_ids').$type<number[]>().notNull(),
  cap: integer('cap').notNull(),
  drawnBy: integer('drawn_by').notNull(),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
});

/** A county's 涉企检查 settings: the yearly cap per enterprise (absent: the default of data/inspection-rules.json). */
export const inspectionSettings = pgTable('xzjc_settings', {
  governmentUnitId: integer('government_unit_id').primaryKey(),
  yearlyCap: integer('yearly_cap').notNull(),
  updatedBy: integer('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 执法证到期提醒: one per certificate that came within the reminder window of its last day, the
 * case in its subject's to-do until the officer holds a renewed certificate, the subject says it
 * will not renew, or the day passes.
 */
export const certificateReminders = pgTable(
  'xzzf_certificate_reminders',
  {
    caseId: uuid('case_id').primaryKey(),
    certificateId: integer('certificate_id').notNull().unique(),
    subjectId: integer('subject_id').notNull(),
    subjectUnitId: integer('subject_unit_id').notNull(),
    officerId: integer('officer_id').notNull(),
    officerName: text('officer_name').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    validTo: text('valid_to').notNull(),
    /** The certificate that replaced it, once the officer holds one. */
    renewedById: integer('renewed_by_id'),
    settledOn: text('settled_on'),
  },
  (t) => [index('xzzf_certificate_reminders_subject_idx').on(t.subjectId)],
);

/**
 * 社会监督员: a citizen the 司法局 appoints, for its government, to watch enforcement. The card
 * code is public (anyone checks it); the secret handed over with the card is kept only as a
 * password hash. The phone is the office's to call, shown masked anywhere else.
 */
export const socialSupervisors = pgTable(
  'xzzf_social_supervisors',
  {
    id: serial('id').primaryKey(),
    governmentUnitId: integer('government_unit_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    workUnit: text('work_unit').notNull(),
    termFrom: text('term_from').notNull(),
    termTo: text('term_to').notNull(),
    code: text('code').notNull().unique(),
    secretHash: text('secret_hash').notNull(),
    status: text('status', { enum: ['active', 'dismissed'] }).notNull().default('active'),
    dismissedOn: text('dismissed_on'),
    dismissalReason: text('dismissal_reason'),
    appointedBy: integer('appointed_by').notNull(),
    appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_social_supervisors_government_idx').on(t.governmentUnitId)],
);

/** A 社会监督员's observation, the row beside its `xzzf_observation` case. */
export const supervisorObservations = pgTable(
  'xzzf_observations',
  {
    caseId: uuid('case_id').primaryKey(),
    supervisorId: integer('supervisor_id').notNull(),
    /** The subject concerned, when the supervisor named one the register knows. */
    subjectId: integer('subject_id'),
    subjectUnitId: integer('subject_unit_id'),
    concerning: text('concerning').notNull(),
    observedOn: text('observed_on').notNull(),
    place: text('place').notNull(),
    content: text('content').notNull(),
    receivedOn: text('received_on').notNull(),
    /** The day the answer is due (data/observation-rules.json), counted from receipt. */
    dueOn: text('due_on').notNull(),
    forwardedOn: text('forwarded_on'),
    subjectReply: text('subject_reply'),
    answer: text('answer'),
    answeredOn: text('answered_on'),
  },
  (t) => [index('xzzf_observations_supervisor_idx').on(t.supervisorId)],
);
