/** Every word of 行政复议's web pages. */
export const reconsiderationStrings = {
  label: '行政复议',
  menu: { todo: '待办', search: '案件查询', figures: '统计' },
  titles: { todo: '行政复议待办', search: '行政复议案件查询', figures: '行政复议统计' },
  /**
   * Labels of the action forms' fields, by field name. The server's input schemas carry no
   * `title` yet, nor `x-labels` for some choices (their words are the server module's
   * reconsideration.strings.ts and data/*.json); until they do, the forms read them here.
   */
  fieldLabels: {
    items: '补正事项',
    supplementId: '补正通知编号',
    note: '备注',
    reason: '理由',
    procedure: '审理程序',
    basis: '法律依据',
    toOrgan: '转送机关',
    summary: '答复内容',
    hearingOn: '听证日期',
    place: '听证地点',
    record: '听证笔录',
    questions: '提请审议的问题',
    opinion: '委员会意见',
    meetingOn: '会议日期',
    ground: '中止情形',
    decision: '复议决定',
    reasoning: '理由与认定',
    servedOn: '送达日期',
    method: '送达方式',
    kind: '文书种类',
    unitId: '送达单位',
    content: '内容',
    opinionId: '意见书编号',
    report: '落实情况',
  },
  choiceLabels: {
    procedure: { ordinary: '普通程序', simple: '简易程序' },
    ground: {
      applicant_died: '申请人死亡，其近亲属尚未确定是否参加',
      applicant_incapacitated: '申请人丧失行为能力，尚未确定法定代理人',
      applicant_missing: '申请人下落不明',
      organisation_ended: '申请人终止，尚未确定权利义务承受人',
      force_majeure: '不可抗力或其他正当理由不能参加',
      mediation: '调解、和解，双方同意中止',
      interpretation_needed: '法律适用需有权机关解释或确认',
      awaiting_other_case: '需以其他案件审理结果为依据',
      incidental_review: '规范性文件附带审查',
      other: '其他需要中止的情形',
    },
    decision: {
      uphold: '维持',
      dismiss: '驳回',
      revoke: '撤销',
      vary: '变更',
      confirm_illegal: '确认违法',
      order_performance: '责令履行',
      confirm_void: '确认无效',
      order_reply: '责令答复',
    },
    reason: { applicant: '申请人撤回', respondent_corrected: '被申请人自行纠正后申请人撤回', settlement: '和解后撤回' },
    kind: { opinion: '行政复议意见书', suggestion: '行政复议建议书' },
  },
} as const;
