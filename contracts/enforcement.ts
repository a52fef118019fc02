/**
 * 行政执法's registers as the server answers them and the pages show them: one set of shapes and
 * labels, read by both sides.
 */
export const SUBJECT_KIND_LABELS = { organ: '行政执法机关', entrusted: '受委托组织', township_team: '乡镇（街道）综合行政执法队' } as const;
export const SUBJECT_STATUS_LABELS = { active: '在用', inactive: '停用' } as const;
export const CERTIFICATE_STATUS_LABELS = { valid: '有效', suspended: '暂扣', revoked: '吊销', cancelled: '注销' } as const;
export const OBJECT_KIND_LABELS = { enterprise: '企业（组织）', individual: '个人' } as const;
export const HISTORY_KIND_LABELS = { case: '案件', inspection: '检查' } as const;
/** Where a 行政处罚 case's clue came from. */
export const CLUE_SOURCE_LABELS = {
  hotline: '12345热线转办',
  command_center: '指挥中心派单',
  inspection: '检查发现',
  transfer: '其他机关移送',
  report: '投诉举报',
  other: '其他',
} as const;

/** A clue recorded in a subject's name (POST /api/xzzf/cases): a registered party by `objectId`, or one not yet registered by kind and name. */
export interface ClueInput {
  subjectId: number;
  field: string;
  source: keyof typeof CLUE_SOURCE_LABELS;
  summary: string;
  discoveredOn: string;
  objectId?: number;
  partyKind?: 'enterprise' | 'individual';
  partyName?: string;
}

export type SubjectKind = keyof typeof SUBJECT_KIND_LABELS;
export type CertificateStatusName = keyof typeof CERTIFICATE_STATUS_LABELS;

export interface Labelled {
  key: string;
  label: string;
}

export interface EnforcementVocabulary {
  fields: Labelled[];
  penaltyKinds: string[];
  circumstances: Labelled[];
}

export interface SubjectView {
  id: number;
  unitId: number;
  unitName: string;
  name: string;
  kind: SubjectKind;
  entrustedById: number | null;
  basisText: string;
  basisArticle: string;
  regionCodes: string[];
  fields: string[];
  status: keyof typeof SUBJECT_STATUS_LABELS;
}

export interface CertificateView {
  id: number;
  number: string;
  issuer: string;
  fields: string[];
  validFrom: string;
  validTo: string;
  status: CertificateStatusName;
  statusReason: string | null;
  /** Days from today to the last day (negative once lapsed). */
  daysLeft: number;
  /** 有效 and within its days today, in its fields. */
  inForce: boolean;
}

export interface OfficerView {
  id: number;
  subjectId: number;
  subjectName: string;
  name: string;
  userId: number | null;
  certificates: CertificateView[];
}

export interface ExpiringView {
  days: number;
  today: string;
  subjects: Array<{ subjectId: number; subjectName: string; certificates: Array<{ id: number; number: string; officerId: number; officerName: string; validTo: string; daysLeft: number }> }>;
}

export interface ObjectView {
  id: number;
  kind: keyof typeof OBJECT_KIND_LABELS;
  name: string;
  creditCode: string | null;
  legalRepresentative: string | null;
  /** A person's 居民身份证 number as staff see it (place code and last four). */
  idNumberMasked: string | null;
  address: string | null;
  regionCode: string | null;
}

export interface ObjectDetail extends ObjectView {
  history: Array<{ kind: keyof typeof HISTORY_KIND_LABELS; day: string; subjectId: number; subjectName: string; refId: string | null; summary: string | null }>;
}

export interface DiscretionRowView {
  circumstance: string;
  description: string;
  fineMin: number | null;
  fineMax: number | null;
  otherPenalties: string[];
}

export interface MatterView {
  id: number;
  code: string;
  name: string;
  kind: string;
  field: string;
  subjectId: number;
  subjectName: string | null;
  basis: string;
  dutyCode: string | null;
  firstOffenceExempt: boolean;
  minorExempt: boolean;
  exemptionItem: string | null;
  discretion: DiscretionRowView[];
}

/** A penalty decision on the public list (GET /api/public/xzzf/decisions): a person appears as surname + 某. */
export interface PublishedPenaltyItem {
  documentId: string;
  number: string;
  subjectName: string;
  party: string;
  summary: string;
  field: string;
  decidedOn: string | null;
  publishedOn: string;
}

/** 执法监督总览 (GET /api/xzzf/oversight): each supervised subject, and the cases showing an irregularity. */
export interface OversightView {
  today: string;
  subjects: Array<{
    subjectId: number;
    subjectName: string;
    openCases: number;
    overdueClocks: number;
    officers: number;
    certified: number;
    coverage: number | null;
    expiringWithin60Days: number;
  }>;
  /** One page of the cases showing an irregularity (filtered by `subjectId` and `kind`), by subject, case number and kind. */
  irregularities: Array<{ caseId: string; caseNumber: string | null; subjectId: number; subjectName: string; kind: IrregularityKind; label: string }>;
  /** How many irregular cases the filters select, on every page. */
  irregularityTotal: number;
  /** Irregular cases per kind, for the subject filter only (to label the kind filter). */
  irregularityCounts: Record<IrregularityKind, number>;
  limit: number;
  offset: number;
}

/** The irregularities the oversight view finds (GET /api/xzzf/oversight?kind=…). */
export const IRREGULARITY_KINDS = ['no_legal_review', 'uncertified_handler', 'decision_overdue', 'publication_late', 'filing_overdue'] as const;
export type IrregularityKind = (typeof IRREGULARITY_KINDS)[number];

/** The oversight view's query: a page of the irregular cases, of one subject, of one kind. */
export interface OversightQuery {
  subjectId?: number;
  kind?: IrregularityKind;
  /** 1 to 200, 20 by default. */
  limit?: number;
  offset?: number;
}

/** 发出执法监督意见 (POST /api/xzzf/supervision). */
export interface SupervisionInput {
  subjectId: number;
  findings: string;
  requirements: string;
  respondBy: string;
  caseIds?: string[];
}

// ---- 案卷评查 and 优差双评 ----

export const REVIEW_GRADE_LABELS = { excellent: '示范优案', ordinary: '一般', poor: '典型差案' } as const;
export const REVIEW_SOURCE_LABELS = { rule: '按规则选取', random: '随机抽取', nominated: '案例征集' } as const;
/** Which decided files a rule takes (an organ's sample is drawn at random from the same files). */
export const SELECTION_RULE_LABELS = {
  all: '期间内作出决定的全部案卷',
  major: '重大执法决定（举行听证或须法制审核）',
  no_penalty: '不予处罚（含首违不罚）',
  summary: '当场处罚',
} as const;
export type ReviewGrade = keyof typeof REVIEW_GRADE_LABELS;
export type SelectionRule = keyof typeof SELECTION_RULE_LABELS;

export interface ReviewSheetItem {
  key: string;
  label: string;
  max: number;
  guidance?: string;
}

/** 发起案卷评查 (POST /api/xzzf/reviews): the sheet and lines default to data/file-review-sheet.json. */
export interface ReviewCampaignInput {
  title: string;
  periodFrom: string;
  periodTo: string;
  items?: ReviewSheetItem[];
  excellentFrom?: number;
  poorBelow?: number;
  reviewersPerFile?: number;
}

/** 选取案卷 (POST /api/xzzf/reviews/:id/files): by a rule, a random share per subject, or named files (案例征集). */
export type FileSelectionInput =
  | { mode: 'rule'; rule: SelectionRule; subjectIds?: number[] }
  | { mode: 'random'; perSubject: number; rule?: SelectionRule; subjectIds?: number[] }
  | { mode: 'nominated'; caseNumbers: string[]; reason: string };

export interface FileSelectionResult {
  selected: number;
  /** Files the selection named that this campaign already holds. */
  alreadyInCampaign: number;
  caseIds: string[];
}

export interface ReviewCampaignSummary {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  governmentUnitId: number;
  files: number;
  scored: number;
  decided: number;
  excellent: number;
  poor: number;
  publishedOn: string | null;
}

export interface ReviewCampaignView extends ReviewCampaignSummary {
  items: ReviewSheetItem[];
  excellentFrom: number;
  poorBelow: number;
  reviewersPerFile: number;
  reviewFiles: Array<{
    caseId: string;
    penaltyCaseId: string;
    caseNumber: string | null;
    subjectName: string;
    source: keyof typeof REVIEW_SOURCE_LABELS;
    reason: string;
    state: string;
    stateLabel: string;
    reviewers: string[];
    scoredBy: number;
    score: number | null;
    grade: ReviewGrade | null;
  }>;
}

/** GET /api/xzzf/reviews/mine: a file drawn for this expert that waits for their score. */
export interface MyReviewFile {
  caseId: string;
  penaltyCaseId: string;
  campaign: string;
  subjectName: string;
  caseNumber: string | null;
  decisionNumber: string | null;
  cause: string;
  selectedAt: string;
}

/** GET /api/xzzf/reviews: the campaigns, and the sheet a new one starts from (data/file-review-sheet.json). */
export interface ReviewCampaignList {
  items: ReviewCampaignSummary[];
  defaultSheet: { items: ReviewSheetItem[]; excellentFrom: number; poorBelow: number; reviewersPerFile: number };
}

/** A published 示范优案 or 典型差案 (GET /api/public/xzzf/reviews): a person party shows as surname + 某. */
export interface PublishedReview {
  campaign: string;
  publishedOn: string;
  subjectName: string;
  caseNumber: string | null;
  decisionNumber: string | null;
  cause: string;
  grade: 'excellent' | 'poor';
  score: number;
  summary: string;
}

export const INSPECTION_RESULT_LABELS = { no_problem: '未发现问题', problems: '发现问题' } as const;
export const INSPECTION_STATUS_LABELS = { drawn: '待检查', done: '已检查' } as const;
export const PLAN_STATUS_LABELS = { planned: '待抽取', drawn: '已抽取', closed: '已结束' } as const;

/** 扫码入企 (GET /api/public/xzzf/inspections/verify/:code): what an enterprise checks at its door. */
export interface InspectionVerification {
  code: string;
  status: keyof typeof INSPECTION_STATUS_LABELS;
  plannedOn: string;
  inspectedOn: string | null;
  subjectName: string;
  jointSubjectNames: string[];
  enterprise: { name: string; creditCode: string | null };
  plan: { title: string; year: number; matterName: string; basis: string };
  officers: Array<{ name: string; certificateNumber: string | null }>;
}

/** 一公开 (GET /api/public/xzzf/inspections): an inspection carried out and its result. */
export interface PublishedInspection {
  id: number;
  subjectName: string;
  jointSubjectNames: string[];
  /** An enterprise's name; a person's as surname + 某. */
  enterprise: string;
  creditCode: string | null;
  matterName: string;
  inspectedOn: string;
  result: keyof typeof INSPECTION_RESULT_LABELS;
  /** A 行政处罚 case was opened on what it found. */
  followUp: boolean;
}

export interface InspectionPlanView {
  id: number;
  subjectId: number;
  subjectName: string;
  year: number;
  matterId: number;
  title: string;
  plannedCount: number | null;
  jointSubjectIds: number[];
  firstDay: string;
  lastDay: string;
  status: keyof typeof PLAN_STATUS_LABELS;
}

export interface InspectionView {
  id: number;
  objectId: number;
  objectName: string;
  creditCode: string | null;
  plannedOn: string;
  code: string;
  status: keyof typeof INSPECTION_STATUS_LABELS;
  officers: Array<{ id: number; name: string }>;
  result: keyof typeof INSPECTION_RESULT_LABELS | null;
  resultNote: string | null;
  inspectedOn: string | null;
  inspectedBy: Array<{ id: number; name: string }>;
  followUpCaseId: string | null;
}

export interface InspectionPlanDetail extends InspectionPlanView {
  draw: { seed: string; cap: number; candidateCount: number; candidateIds: number[]; cappedIds: number[]; officerPoolIds: number[]; drawnAt: string } | null;
  inspections: InspectionView[];
}

export interface InspectionPlanInput {
  subjectId: number;
  year: number;
  matterId: number;
  title: string;
  plannedCount?: number;
  jointSubjectIds?: number[];
  firstDay: string;
  lastDay: string;
}

export interface InspectionResultInput {
  officerIds: number[];
  inspectedOn: string;
  result: keyof typeof INSPECTION_RESULT_LABELS;
  note: string;
}
