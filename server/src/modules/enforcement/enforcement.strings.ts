/** Every Chinese word of 行政执法's registers. */
export const MODULE_LABEL = '行政执法';

export const ROLE_LABELS = {
  officer: '执法人员',
  subject_admin: '执法主体管理员',
  legal_reviewer: '法制审核人员',
  supervisor: '执法监督人员',
  file_reviewer: '案卷评查专家',
} as const;

export { SUBJECT_KIND_LABELS, SUBJECT_STATUS_LABELS, CERTIFICATE_STATUS_LABELS, OBJECT_KIND_LABELS, HISTORY_KIND_LABELS, CLUE_SOURCE_LABELS } from '../../../../contracts/enforcement.js';

/** 事项类别: the 权力类型 of the 权责清单 an enforcement matter may have. */
export const MATTER_KINDS = ['行政处罚', '行政强制', '行政检查', '行政征收', '行政确认', '其他行政权力'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

/** Why an officer may not act, in the words a refusal shows. */
export const ACT_REFUSAL_LABELS = {
  no_certificate: '没有执法证',
  not_yet_valid: '执法证尚未生效',
  expired: '执法证已过有效期',
  suspended: '执法证被暂扣',
  revoked: '执法证被吊销',
  cancelled: '执法证已注销',
  field_not_covered: '执法证不含该执法领域',
  same_officer: '同一名执法人员不能算作两人',
  too_few: '执法人员不得少于两人',
  unknown_officer: '没有这名执法人员',
  subject_inactive: '所属执法主体已停用',
} as const;

/** The import file's columns, exactly as its header row writes them. */
export const MATTER_COLUMNS = {
  code: '事项编码',
  name: '事项名称',
  kind: '事项类别',
  field: '执法领域',
  subject: '实施主体',
  basis: '法律依据',
  dutyCode: '权责清单编码',
  firstOffenceExempt: '首违不罚',
  minorExempt: '轻微不罚',
  exemptionItem: '不罚清单事项',
  circumstance: '违法情节',
  description: '情节描述',
  fineMin: '罚款下限（元）',
  fineMax: '罚款上限（元）',
  otherPenalties: '其他处罚',
} as const;

export const MATTER_REQUIRED_COLUMNS = ['code', 'name', 'kind', 'field', 'subject', 'basis'] as const;

export const YES = '是';
export const NO = '否';

export const ROW_PROBLEMS = {
  noRows: '文件没有数据行',
  missingColumns: (columns: string[]) => `缺少列：${columns.join('、')}`,
  missing: (line: number, column: string) => `第 ${line} 行：「${column}」不能为空`,
  badKind: (line: number, value: string) => `第 ${line} 行：事项类别「${value}」不在 ${MATTER_KINDS.join('、')} 之中`,
  badField: (line: number, value: string) => `第 ${line} 行：执法领域「${value}」不在执法领域清单中`,
  unknownSubject: (line: number, value: string) => `第 ${line} 行：没有名为「${value}」的执法主体`,
  fieldNotHeld: (line: number, subject: string, field: string) => `第 ${line} 行：执法主体「${subject}」不负责「${field}」领域`,
  unknownDuty: (line: number, value: string) => `第 ${line} 行：权责清单中没有编码为「${value}」的事项`,
  badFlag: (line: number, column: string, value: string) => `第 ${line} 行：「${column}」只能填 是 或 否，不能是「${value}」`,
  exemptionItemMissing: (line: number) => `第 ${line} 行：列入首违不罚或轻微不罚清单的事项须填写「不罚清单事项」`,
  differs: (line: number, column: string, first: number) => `第 ${line} 行：「${column}」与第 ${first} 行同一事项的填写不一致`,
  badCircumstance: (line: number, value: string) => `第 ${line} 行：违法情节「${value}」只能是 轻微、一般、较重、严重`,
  badFine: (line: number, column: string, value: string) => `第 ${line} 行：「${column}」应为不小于 0 的整数元，不能是「${value}」`,
  badPenalty: (line: number, value: string) => `第 ${line} 行：其他处罚「${value}」不是行政处罚法第九条规定的处罚种类`,
  benchmarkColumnsWithoutCircumstance: (line: number) => `第 ${line} 行：填写了裁量内容却没有「违法情节」`,
  fineOrder: (line: number) => `第 ${line} 行：罚款下限大于上限`,
  fineHalfOpen: (line: number) => `第 ${line} 行：罚款下限和上限须同时填写或同时留空`,
  circumstanceTwice: (line: number) => `第 ${line} 行：同一事项的这一违法情节已经写过`,
  rowEmpty: (line: number) => `第 ${line} 行：这一违法情节既无罚款也无其他处罚`,
  codeHeldElsewhere: (code: string) => `事项编码「${code}」已属于您管辖范围以外的执法主体`,
  gradesOverlap: (line: number) => `第 ${line} 行：较轻情节的罚款上限高于这一较重情节的罚款上限`,
} as const;

export const CLI_TEXT = {
  usage: '用法：fazhi xzzf import-matters --from <文件.csv|.xlsx>\n      fazhi xzzf expiring [--days 60]',
  imported: (matters: number, added: number, changed: number) => `已导入执法事项 ${matters} 项（新增 ${added} 项，更新 ${changed} 项）。`,
  failed: '导入失败，未导入任何事项：',
  expiring: (subject: string, number: string, officer: string, validTo: string, daysLeft: number) => `${subject}  ${officer}  ${number}  有效期至 ${validTo}（剩 ${daysLeft} 天）`,
  noneExpiring: (days: number) => `${days} 天内没有到期的执法证。`,
} as const;

// ---- 行政处罚案件 ----

export const PENALTY_CASE_LABEL = '行政处罚案件';
export const HEAD_ROLE_LABEL = '执法机关负责人';

export const PENALTY_STATE_LABELS = {
  clue: '线索核查',
  filing: '立案审批',
  investigating: '调查取证',
  reviewing: '案件审核',
  notified: '已告知',
  hearing: '听证',
  legal_review: '法制审核',
  discussing: '集体讨论',
  deciding: '待决定',
  suspended: '中止',
  decided: '已决定',
  executing: '执行中',
  enforcing: '申请强制执行',
  closing: '待结案',
  closed: '已结案',
  not_filed: '不予立案',
  no_penalty: '不予处罚',
  transferred: '已移送',
} as const;

export const PENALTY_ACTION_LABELS = {
  propose_filing: '报请立案',
  decline_filing: '不予立案',
  approve_filing: '批准立案',
  return_filing: '退回核查',
  record_evidence: '登记证据',
  preserve_evidence: '先行登记保存',
  decide_preserved: '作出保存处理决定',
  propose_penalty: '提交案件审核',
  approve_notice: '审核通过，告知当事人',
  return_investigation: '退回补充调查',
  record_statement: '记录陈述申辩',
  request_hearing: '当事人要求听证',
  schedule_hearing: '通知听证',
  hold_hearing: '举行听证',
  waive_hearing: '当事人放弃听证',
  submit_legal_review: '提交法制审核',
  legal_review: '法制审核',
  refer_discussion: '提请集体讨论',
  record_discussion: '记录集体讨论',
  extend_decision: '批准延长办案期限',
  suspend: '中止',
  resume: '恢复',
  decide: '作出处罚决定',
  decide_no_penalty: '不予处罚',
  transfer: '移送',
  decide_on_spot: '当场处罚',
  serve: '送达',
  publish: '公示',
  record_revocation: '登记决定被撤销或变更',
  withdraw_publication: '撤回公示',
  record_payment: '登记缴纳罚款',
  apply_enforcement: '申请强制执行',
  record_enforcement: '登记执行结果',
  close: '结案归档',
} as const;

export const PENALTY_CLOCK_LABELS = {
  filing: '立案期限',
  decision: '办案期限',
  hearing_request: '听证申请期限',
  hearing_notice: '听证通知期限',
  preservation: '先行登记保存处理期限',
  service: '送达期限',
  publication: '公示期限',
  withdrawal: '撤回公示期限',
  payment: '缴纳罚款期限',
} as const;

export const PENALTY_ESCALATION_LABELS = { remind: '期限将至', overdue: '已超期' } as const;

export const EVIDENCE_KIND_LABELS = {
  inquiry: '询问笔录',
  inspection: '现场检查（勘验）笔录',
  photo: '照片',
  audio_video: '音视频',
  document: '书证',
  appraisal: '检测、检验、鉴定意见',
  other: '其他证据',
  preserved: '先行登记保存的物品',
} as const;

export const TRANSFER_LABELS = { organ: '移送有管辖权的行政机关', police: '涉嫌犯罪，移送公安机关（行刑衔接）', other: '其他移送' } as const;

export const SERVICE_METHOD_LABELS = {
  in_person: '直接送达',
  left: '留置送达',
  mail: '邮寄送达',
  electronic: '电子送达（经当事人同意）',
  entrusted: '委托送达',
  publication: '公告送达',
} as const;

export const SUSPENSION_LABELS = {
  appraisal: '检测、检验、检疫、鉴定',
  publication_service: '公告送达',
  party_unable: '当事人因不可抗力等无法参加调查',
  other_case: '须以相关案件的裁判结果或者其他行政决定为依据',
  other: '其他依法中止的情形',
} as const;

export const REVOCATION_LABELS = { reconsideration: '行政复议决定撤销或变更', litigation: '人民法院判决撤销或变更', self_correction: '本机关自行纠正' } as const;
export const REVIEW_RESULT_LABELS = { passed: '审核通过', failed: '审核不通过' } as const;
export const YES_NO = { true: '是', false: '否' } as const;

export const PENALTY_FIELD_LABELS: Record<string, string> = {
  officerIds: '承办执法人员（至少两名）',
  matterId: '执法事项',
  filingNote: '立案理由',
  reason: '理由',
  evidenceKind: '证据种类',
  title: '名称',
  takenOn: '取证日期',
  reference: '存放位置或文件名',
  sha256: 'SHA-256 校验值',
  items: '物品清单',
  evidenceId: '先行登记保存的证据',
  handling: '处理决定',
  facts: '违法事实',
  circumstance: '违法情节',
  fineYuan: '罚款（元）',
  confiscatedGainsYuan: '没收违法所得（元）',
  confiscatedPropertyYuan: '没收非法财物价值（元）',
  otherPenalties: '其他处罚种类',
  reviewGrounds: '须法制审核的情形',
  collective: '须集体讨论（情节复杂或重大违法）',
  note: '说明',
  statement: '陈述申辩要点',
  adopted: '是否采纳',
  requestedOn: '提出听证要求日期',
  hearingOn: '听证日期',
  place: '听证地点',
  record: '听证笔录要点',
  result: '审核结论',
  opinion: '审核意见',
  meetingOn: '讨论日期',
  conclusion: '讨论结论',
  ground: '情形',
  basis: '法律依据',
  ground_no_penalty: '不予处罚情形',
  exemptionItem: '首违不罚清单事项',
  target: '移送类别',
  to: '接收机关',
  receipt: '回执',
  servedOn: '送达日期',
  method: '送达方式',
  partyPresent: '宣告时当事人在场',
  paidOn: '缴纳日期',
  amountPaidYuan: '缴纳金额（元）',
  court: '受理法院',
  appliedOn: '申请日期',
  summary: '结案情况',
  publishedOn: '公示日期',
  revokedBy: '撤销或变更的方式',
};

/** The documents of a case: label, body and field words. */
export const PENALTY_DOCUMENT_LABELS = {
  filing: '立案审批表',
  notice: '行政处罚告知书',
  hearingNotice: '听证通知书',
  legalReview: '法制审核意见书',
  decision: '行政处罚决定书',
  noPenalty: '不予行政处罚决定书',
  onSpot: '当场行政处罚决定书',
  service: '送达回证',
  closing: '结案报告',
  transfer: '案件移送函',
} as const;

export const PENALTY_LIST_LABELS = {
  caseNumber: '案号',
  party: '当事人',
  summary: '案由',
  field: '执法领域',
  discoveredOn: '发现日期',
  filedOn: '立案日期',
  decisionNumber: '决定书文号',
  fine: '罚款（元）',
  outcome: '结果',
  decidedOn: '决定日期',
  state: '状态',
  organ: '执法主体单位',
} as const;

export const OUTCOME_LABELS = { penalty: '给予处罚', no_penalty: '不予处罚', transferred: '移送', not_filed: '不予立案' } as const;

export const PENALTY_FIGURE_LABELS = {
  filed: '立案数',
  decided: '作出处罚决定数',
  onSpot: '当场处罚数',
  noPenalty: '不予处罚数',
  firstViolation: '首违不罚数',
  transferred: '移送数',
  majorDecided: '须法制审核的处罚决定数',
  legalReviewRate: '法制审核率',
  publicationRate: '公示率',
  onTimePublicationRate: '按时公示率',
  averageDays: '平均办案天数（立案至决定）',
  reviewedFiles: '评查通报案卷数',
  averageReviewScore: '案卷评查平均得分',
  excellentFiles: '示范优案数',
  poorFiles: '典型差案数',
  inspections: '涉企检查次数',
  inspectionsWithProblems: '检查发现问题次数',
  inspectionFollowUps: '检查转立案件数',
  bySubject: '按执法主体',
  bySubjectKind: '乡镇与部门',
  byField: '按执法领域',
  byOutcome: '按结果',
} as const;

export const SUBJECT_GROUP_LABELS = { township: '乡镇（街道）名义', department: '部门名义' } as const;

// ---- 执法监督 ----

export const SUPERVISION_CASE_LABEL = '执法监督意见';
export const SUPERVISION_STATE_LABELS = { drafted: '拟发出', issued: '待整改报告', answered: '待审查报告', closed: '已办结' } as const;
export const SUPERVISION_ACTION_LABELS = { issue: '发出监督意见', respond: '报告整改情况', accept: '认可整改', return_report: '退回重报' } as const;
export const SUPERVISION_FIELD_LABELS: Record<string, string> = {
  respondBy: '整改报告期限',
  measures: '整改措施和结果',
  reason: '退回理由',
  note: '说明',
};
export const SUPERVISION_CLOCK_LABELS = { response: '整改报告期限' } as const;
export const SUPERVISION_LIST_LABELS = { subject: '执法主体', findings: '发现的问题', issuedOn: '发出日期', respondBy: '报告期限', answeredOn: '报告日期', state: '状态', organ: '监督机关' } as const;
export const SUPERVISION_LINK_LABELS = { supervised: '监督意见涉及的案件', supervisedBy: '执法监督意见' } as const;

// ---- 案卷评查 and 优差双评 ----

export { REVIEW_GRADE_LABELS, REVIEW_SOURCE_LABELS, SELECTION_RULE_LABELS } from '../../../../contracts/enforcement.js';
export const FILE_REVIEW_CASE_LABEL = '案卷评查';
export const FILE_REVIEW_STATE_LABELS = {
  scoring: '待专家评分', scored: '待核查', verified: '待审定', decided: '待通报', published: '已通报', withdrawn: '已撤出评查',
} as const;
export const FILE_REVIEW_ACTION_LABELS = {
  score: '提交评分', return_score: '退回重评', verify: '核查通过', decide: '审定等次', publish: '通报', withdraw: '撤出评查',
} as const;
export const FILE_REVIEW_FIELD_LABELS: Record<string, string> = {
  comments: '评查意见（发现的问题和亮点）',
  reviewerId: '退回哪位专家的评分',
  reason: '理由',
  note: '核查说明',
  grade: '等次',
  summary: '评查结论（通报用语）',
  requirements: '整改要求',
  respondBy: '整改报告期限',
};
export const FILE_REVIEW_LIST_LABELS = {
  campaign: '评查活动', subject: '执法主体', caseNumber: '案号', source: '选取方式', score: '得分', grade: '等次', state: '状态', decidedOn: '审定日期',
} as const;
export const FILE_REVIEW_LINK_LABELS = { reviewed: '评查的案卷', reviewedBy: '案卷评查' } as const;
/** The rectification a 典型差案 opens (an 执法监督意见): its findings start from these words. */
export const POOR_FILE_FINDINGS = (campaign: string, caseNumber: string, score: number, summary: string) =>
  `${campaign}：${caseNumber}被评为典型差案（${score}分）。${summary}`;
export const REVIEWER_LABEL = (name: string, unit: string) => `${name}（${unit}）`;

/** Irregularities the oversight view names, each in the words a supervisor reads. */
export const IRREGULARITY_LABELS = {
  no_legal_review: '须法制审核的处罚决定未经审核通过',
  uncertified_handler: '承办人员在决定之日没有有效执法证',
  decision_overdue: '超过办案期限',
  publication_late: '未按期公示',
  filing_overdue: '超过立案期限',
} as const;

// ---- 执法证到期提醒 ----

export const CERTIFICATE_EXPIRY_CASE_LABEL = '执法证到期提醒';
export const CERTIFICATE_EXPIRY_STATE_LABELS = { open: '待换证', renewed: '已换证', declined: '不再换证', void: '证件已注销或吊销', lapsed: '已过期未换证' } as const;
export const CERTIFICATE_EXPIRY_ACTION_LABELS = { renew: '登记换发新证', decline: '确认不再换证', void: '证件注销或吊销', lapse: '到期未换证' } as const;
export const CERTIFICATE_EXPIRY_FIELD_LABELS: Record<string, string> = { certificateId: '新证', reason: '不再换证的原因（如调离执法岗位、退休）', status: '证件状态' };
export const CERTIFICATE_EXPIRY_CLOCK_LABELS = { expiry: '执法证有效期' } as const;
export const CERTIFICATE_EXPIRY_ESCALATION_LABELS = { halfway: '换证提醒', expired: '执法证到期' } as const;
export const CERTIFICATE_EXPIRY_LIST_LABELS = { subject: '执法主体', officer: '执法人员', number: '执法证号', validTo: '有效期至', settledOn: '办结日期', state: '状态' } as const;
export const CERTIFICATE_EXPIRY_OPEN_LABEL = '执法证即将到期';
