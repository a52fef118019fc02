/** The form each action shows in the staff detail page (labels are UI strings). */
export interface FormField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'unit' | 'units' | 'category' | 'requestType' | 'urgency' | 'satisfaction' | 'boolean' | 'number' | 'date' | 'knowledgeEntry';
  required: boolean;
  /** For a unit field: exactly the units the action may go to on this case, grouped by kind (the detail adds them). */
  options?: Array<{ value: string | number; label: string; group?: string }>;
}

const f = (name: string, label: string, kind: FormField['kind'], required = true): FormField => ({ name, label, kind, required });

export const ACTION_FORMS: Record<string, FormField[]> = {
  classify: [f('requestType', '诉求类型', 'requestType', false), f('categoryCode', '诉求类别', 'category', false), f('urgency', '紧急程度', 'urgency', false)],
  answer_directly: [f('reply', '答复内容', 'textarea'), f('knowledgeEntryId', '依据知识库条目', 'knowledgeEntry', false)],
  dispatch: [f('unitId', '承办单位', 'unit'), f('requestType', '诉求类型', 'requestType', false), f('categoryCode', '诉求类别', 'category', false), f('urgency', '紧急程度', 'urgency', false)],
  sign: [],
  contact: [f('note', '联系情况', 'textarea')],
  return: [f('reason', '退单理由', 'textarea')],
  request_extension: [f('reason', '延期理由', 'textarea')],
  approve_extension: [],
  reject_extension: [f('reason', '驳回理由', 'textarea')],
  invite_assist: [f('unitIds', '协办单位', 'units'), f('note', '协办事项', 'textarea', false), f('replyBy', '回复期限', 'date', false)],
  dispatch_down: [f('unitIds', '下派至', 'units'), f('note', '办理要求', 'textarea', false), f('replyBy', '回复期限', 'date', false)],
  reply_lead: [f('reply', '回复内容', 'textarea')],
  reply: [f('reply', '答复内容', 'textarea')],
  redispatch: [f('unitId', '改派至', 'unit'), f('reason', '改派理由', 'textarea')],
  rule_owner: [f('unitId', '裁定承办单位', 'unit'), f('ruling', '裁定意见', 'textarea')],
  urge: [f('note', '催办意见', 'textarea', false)],
  supervise: [f('note', '督办意见', 'textarea', false)],
  follow_up: [f('resolved', '问题是否解决', 'boolean'), f('satisfaction', '满意度', 'satisfaction'), f('comment', '回访记录', 'textarea', false)],
  reopen: [f('reason', '重新办理原因', 'textarea')],
};
