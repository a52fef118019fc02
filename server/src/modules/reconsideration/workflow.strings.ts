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
