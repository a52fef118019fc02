/** Every Chinese word of 行政应诉. */
export const MODULE_LABEL = '行政应诉';
export const CASE_TYPE_LABEL = '行政应诉案件';

export const STATE_LABELS = {
  defending: '应诉中',
  judged: '已判决（上诉期内）',
  appealed: '上诉中',
  closed: '已结案',
} as const;

export const ACTION_LABELS = {
  submit_answer: '提交答辩状',
  schedule_hearing: '登记开庭',
  record_hearing: '记录庭审与负责人出庭',
  record_judgment: '登记判决',
  appeal: '提起上诉',
  close: '结案',
  plaintiff_withdrew: '原告撤诉',
} as const;

export const CLOCK_LABELS = { answer: '答辩期限', hearing: '开庭', appeal: '上诉期限' } as const;
export const ESCALATION_LABELS = { hearingSoon: '开庭提醒', hearingDay: '开庭日', remind: '催办', overdue: '超期督办' } as const;
export const ROLE_LABELS = { handler: '应诉承办人', coordinator: '司法局应诉协调人' } as const;
export const OUTCOME_LABELS = { upheld: '胜诉（驳回诉讼请求或维持）', lost: '败诉', partly_lost: '部分败诉', withdrawn: '原告撤诉' } as const;
export const LINK_LABELS = { sued: '被诉', fromReview: '源自复议' } as const;

export const FIGURE_LABELS = {
  cases: '应诉案件数',
  hearings: '开庭次数',
  headAppearances: '负责人出庭次数',
  headAppearanceRate: '负责人出庭率',
  judged: '判决数',
  lost: '败诉数',
  lossRate: '败诉率',
  byOrgan: '按被诉机关（出庭率排名）',
} as const;

export const LIST_LABELS = {
  courtCaseNumber: '法院案号', cause: '案由', court: '受理法院', servedOn: '起诉状副本送达日期', outcome: '裁判结果', concludedOn: '结案日期',
  state: '办理状态', organ: '被诉机关',
} as const;

export const YES_NO_LABELS = { true: '是', false: '否' } as const;

/** How a form names a case's own items to choose from. */
export const CHOICE_LABELS = {
  hearing: (scheduledOn: string) => `${scheduledOn} 开庭`,
} as const;

/** How each form names its fields, by field name. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  answeredOn: '答辩日期', summary: '答辩要点', hearingOn: '开庭日期', courtroom: '法庭', hearingId: '庭审', heldOn: '开庭日期',
  headAppeared: '负责人是否出庭', appearedBy: '出庭负责人', appearedTitle: '出庭负责人职务', outcome: '裁判结果', judgedOn: '判决日期',
  appealedOn: '上诉日期', concludedOn: '结案日期',
};
