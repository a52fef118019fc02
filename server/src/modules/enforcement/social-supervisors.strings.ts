// ---- 社会监督员 and their observations: every word the server shows ----

export const OBSERVATION_CASE_LABEL = '社会监督员监督意见';
export const OBSERVATION_OPEN_LABEL = '社会监督员提交监督意见';
export const OBSERVATION_STATE_LABELS = { received: '待受理', handling: '办理中', forwarded: '待被监督单位说明', answered: '已答复', withdrawn: '已撤回' } as const;
export const OBSERVATION_ACTION_LABELS = { accept: '受理', forward: '转被监督单位说明', reply: '报送情况说明', answer: '答复监督员', withdraw: '监督员撤回' } as const;
export const OBSERVATION_FIELD_LABELS: Record<string, string> = {
  note: '说明',
  subjectId: '被监督的执法主体',
  question: '请说明的事项',
  reply: '情况说明',
  answer: '答复内容',
  reason: '撤回理由',
};
export const OBSERVATION_CLOCK_LABELS = { answer: '答复期限', explanation: '情况说明期限' } as const;
export const OBSERVATION_LIST_LABELS = {
  supervisor: '社会监督员', supervisorPhone: '监督员电话', concerning: '监督对象', observedOn: '发现日期', receivedOn: '收到日期', dueOn: '答复期限', answeredOn: '答复日期', state: '状态',
} as const;
export const OBSERVATION_FIGURE_LABELS = { received: '收到社会监督员监督意见', answered: '答复监督意见', onTimeRate: '监督意见按时答复率' } as const;
