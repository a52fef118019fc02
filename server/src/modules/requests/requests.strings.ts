/** Every Chinese word the 12345 module shows: states, actions, events, labels. */
export const STATE_LABELS = {
  received: '待处理',
  dispatched: '待签收',
  handling: '办理中',
  returned: '退单待审核',
  replied: '已答复待回访',
  rectifying: '整改中',
  closed: '已办结',
  merged: '已合并办理',
} as const;

export const CLOCK_LABELS = {
  response: '响应时限',
  handling: '办理时限',
  rectification: '整改时限',
  inner: '回复主办时限',
} as const;

export const ACTION_LABELS = {
  classify: '分类',
  answer_directly: '直接答复',
  dispatch: '派单',
  sign: '签收',
  contact: '联系诉求人',
  return: '退单',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  reject_extension: '驳回延期',
  invite_assist: '邀请协办',
  dispatch_down: '下派',
  reply_lead: '回复主办单位',
  reply: '答复',
  redispatch: '改派',
  rule_owner: '裁定承办单位',
  urge: '催办',
  supervise: '督办',
  follow_up: '回访',
  citizen_evaluate: '诉求人评价',
  reopen: '重新办理',
  merge: '合并',
  follow_parent: '随主件答复',
  hand_over: '单位合并移交',
} as const;

/** Steps that cannot be taken back: the page asks once more, in these words, before sending them. */
export const ACTION_CONFIRM: Partial<Record<keyof typeof ACTION_LABELS, string>> = {
  merge: '合并后本件不再单独办理，随主件答复，且不能撤销。确定合并吗？',
  rule_owner: '裁定意见将记入办理记录，并按裁定重新派单，不能撤销。确定裁定吗？',
  follow_up: '回访满意或基本满意的，本件即办结；不满意的转入整改。回访记录提交后不能修改，确定提交吗？',
  answer_directly: '直接答复后本件不再派单，答复将告知诉求人，提交后不能修改。确定答复吗？',
  reply: '答复将告知诉求人，提交后不能修改。确定答复吗？',
  return: '退单后本单位不再办理本件，由热线中心改派或裁定。确定退单吗？',
};

export const EVENT_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
  submitted: '诉求受理',
  auto_urge: '系统预警催办',
  auto_supervise: '超期自动督办',
};

/** How the record names the knowledge entry a direct answer rested on. */
export const KNOWLEDGE_CITED = (question: string) => `依据知识库：${question}`;

/** What a citizen reads on the public progress page for each event type. */
export const PUBLIC_EVENT_TEXT: Record<string, string> = {
  submitted: '您的诉求已受理',
  answer_directly: '热线已直接答复您的诉求',
  dispatch: '诉求已派发至承办单位办理',
  redispatch: '诉求已改派至新的承办单位',
  rule_owner: '已确定承办单位，继续办理',
  sign: '承办单位已签收',
  contact: '承办单位已与您联系',
  reply: '承办单位已答复',
  request_extension: '承办单位申请延期办理',
  approve_extension: '办理时限已延期',
  hand_over: '承办单位调整，诉求由合并后的单位继续办理',
  follow_up: '已完成回访',
  citizen_evaluate: '您已评价',
  reopen: '诉求重新办理',
  supervise: '诉求已列入督办',
  merge: '您反映的问题已有他人反映，现合并办理，答复后将一并告知您',
  follow_parent: '承办单位已答复（合并办理）',
};

export const SATISFACTION_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;
export const URGENCY_LABELS = { normal: '一般', urgent: '紧急' } as const;
export const DISPATCH_ROLE_LABELS = { lead: '主办', assist: '协办', sub: '下派' } as const;
/** Marks, in a unit picker, a unit the duty lists name for the request's category. */
export const DUTY_LISTED = '（清单所列）';
/** How the timeline words an inner dispatch's part in an event. */
export const INNER_EVENT_TEXT = {
  units: (names: string) => `单位：${names}`,
  replyBy: (at: string) => `回复期限：${at}`,
  cites: (names: string) => `依据：${names}的回复`,
  withdrawn: (names: string) => `未回复即撤回：${names}`,
  clockOf: (clock: string, unit: string) => `${clock}（${unit}）`,
};
export const DISPATCH_STATUS_LABELS = { pending: '待签收', signed: '已签收', returned: '已退单', replied: '已答复', withdrawn: '已撤回' } as const;
export const CASE_TYPE_LABEL = '12345诉求';
export const CENTER_NAME_FALLBACK = '12345热线';

/** The text message that gives a requester their codes; the county's name leads it. */
export function receiptSms(countyName: string, trackingCode: string, requesterKey: string): string {
  return `【${countyName}12345】您的诉求已受理。查询码 ${trackingCode}，评价码 ${requesterKey}（请勿告诉他人）。收到答复后，可凭查询码查看进度、凭评价码评价办理结果。`;
}

const RULE_UNIT_WORDS = { hours: '小时', working: '个工作日', calendar: '日', months: '个月' } as const;

/** A hotline clock rule as the category page offers it: "5个工作日（潍坊市12345政务服务便民热线条例第20条）". */
export function clockRuleLabel(rule: { n: number; unit: keyof typeof RULE_UNIT_WORDS; law: string; article: string }): string {
  return `${rule.n}${RULE_UNIT_WORDS[rule.unit]}（${rule.law}${rule.article ? `第${rule.article}条` : ''}）`;
}
