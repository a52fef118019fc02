/** The words of the reconsideration workflow: states, actions, clocks, roles. */
export const MODULE_LABEL = '行政复议';
export const CASE_TYPE_LABEL = '行政复议案件';

export const STATE_LABELS = {
  applied: '待审查受理',
  supplementing: '补正中',
  settling: '和解中',
  accepted: '审理中',
  committee: '复议委员会审议中',
  suspended: '中止',
  decided: '已决定待送达',
  closed: '已结案',
  withdrawn: '已撤回',
  terminated: '已终止',
  not_accepted: '不予受理',
  transferred: '已转送',
  abandoned: '视为放弃申请',
} as const;

export const ACTION_LABELS = {
  ask_supplement: '通知补正',
  receive_supplement: '收到补正材料',
  deem_abandoned: '视为放弃申请',
  refer_settlement: '引导至行政争议和解中心',
  settlement_failed: '和解未成',
  accept: '受理',
  deem_accepted: '视为受理',
  reject: '不予受理',
  transfer: '转送',
  send_copy: '发送答复通知书',
  respondent_reply: '提交答复及证据',
  schedule_hearing: '安排听证',
  hold_hearing: '举行听证',
  refer_committee: '提请行政复议委员会',
  record_committee_opinion: '记录委员会意见',
  extend: '延长审理期限',
  suspend: '中止审理',
  resume: '恢复审理',
  withdraw: '撤回申请',
  terminate: '终止审理',
  decide: '作出复议决定',
  serve: '送达决定书',
  issue_opinion: '制发意见书或建议书',
  report_on_opinion: '报告意见书落实情况',
} as const;

export const CLOCK_LABELS = {
  acceptance: '受理审查期限',
  supplement: '补正期限',
  copy: '发送答复通知书期限',
  reply: '被申请人答复期限',
  hearing_notice: '听证通知期限',
  decision: '审理期限',
  opinion: '意见书落实报告期限',
} as const;

export const ROLE_LABELS = {
  handler: '复议承办人',
  head: '复议机构负责人',
  respondent: '被申请人经办人',
} as const;

export const ESCALATION_LABELS = {
  remind: '催办',
  overdue: '超期督办',
  opinionOverdue: '逾期未报告，提请约谈或通报',
} as const;

export const WITHDRAWAL_LABELS = {
  applicant: '申请人撤回',
  respondent_corrected: '被申请人自行纠正后申请人撤回',
  settlement: '和解后撤回',
} as const;

export const CHANNEL_LABELS = { online: '网上申请', counter: '窗口申请', mail: '邮寄申请', import: '历史数据导入' } as const;
export const APPLICANT_KIND_LABELS = { citizen: '公民', enterprise: '企业', organisation: '其他组织' } as const;
export const PROCEDURE_LABELS = { ordinary: '普通程序', simple: '简易程序' } as const;
export const OPINION_KIND_LABELS = { opinion: '行政复议意见书', suggestion: '行政复议建议书' } as const;

/** The decision document's words (行政复议法 art. 75; the right to sue within 15 days, 行政诉讼法 art. 45). */
export const DECISION_TEMPLATE = {
  label: '行政复议决定书',
  fields: {
    applicant: '申请人', respondent: '被申请人', caseNumber: '案号', contestedAct: '被申请复议的行政行为', receivedOn: '申请日期',
    claims: '复议请求', reasoning: '本机关认为', basis: '法律依据', decision: '决定',
  },
  body: [
    { kind: 'title', text: '行政复议决定书' },
    { kind: 'number' },
    { kind: 'paragraph', text: '申请人：{applicant}' },
    { kind: 'paragraph', text: '被申请人：{respondent}' },
    { kind: 'paragraph', text: '申请人不服被申请人作出的{contestedAct}，于{receivedOn}向本机关申请行政复议（案号：{caseNumber}），本机关依法予以受理并审理终结。' },
    { kind: 'heading', text: '一、复议请求' },
    { kind: 'paragraph', text: '{claims}' },
    { kind: 'heading', text: '二、本机关认为' },
    { kind: 'paragraph', text: '{reasoning}' },
    { kind: 'heading', text: '三、决定' },
    { kind: 'paragraph', text: '根据{basis}，本机关决定：{decision}。' },
    { kind: 'paragraph', text: '申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。' },
    { kind: 'signature' },
  ],
} as const;

/** How each decision on the merits reads in the 决定书. */
export const DECISION_WORDING = {
  uphold: '维持被申请人作出的行政行为',
  dismiss: '驳回申请人的行政复议请求',
  revoke: '撤销被申请人作出的行政行为',
  vary: '变更被申请人作出的行政行为',
  confirm_illegal: '确认被申请人作出的行政行为违法',
  order_performance: '责令被申请人在法定期限内履行法定职责',
  confirm_void: '确认被申请人作出的行政行为无效',
  order_reply: '责令被申请人依法作出答复',
} as const;

export const FIGURE_LABELS = {
  received: '收案数',
  accepted: '受理数',
  concluded: '审结数',
  corrected: '纠错数',
  correctionRate: '纠错率',
  averageDays: '平均审结天数',
  byDecision: '按结案方式',
  byRespondent: '按被申请人（纠错率排名）',
  byField: '按行政管理领域',
} as const;

/** Every way a case ends, as reports name it. */
export const CONCLUSION_LABELS = {
  uphold: '维持', dismiss: '驳回', revoke: '撤销', vary: '变更', confirm_illegal: '确认违法', order_performance: '责令履行',
  confirm_void: '确认无效', order_reply: '责令答复', respondent_corrected: '被申请人自行纠正', withdrawn: '撤回', terminated: '终止',
} as const;
