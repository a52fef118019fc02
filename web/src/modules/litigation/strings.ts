/** Every word of 行政应诉's web pages. */
export const litigationStrings = {
  label: '行政应诉',
  menu: { todo: '待办', search: '案件查询', figures: '统计' },
  titles: { todo: '行政应诉待办', search: '行政应诉案件查询', figures: '行政应诉统计' },
  /**
   * Labels of the action forms' fields, by field name. The server's input schemas carry no
   * `title` yet, nor `x-labels` for its choices (their words are the server module's
   * litigation.strings.ts); until they do, the forms read them here.
   */
  fieldLabels: {
    answeredOn: '答辩日期',
    summary: '答辩要点',
    hearingOn: '开庭日期',
    courtroom: '法庭',
    hearingId: '庭审编号',
    heldOn: '开庭日期',
    headAppeared: '负责人是否出庭',
    appearedBy: '出庭负责人',
    appearedTitle: '出庭负责人职务',
    outcome: '裁判结果',
    judgedOn: '判决日期',
    appealedOn: '上诉日期',
    concludedOn: '结案日期',
  },
  choiceLabels: {
    outcome: { upheld: '胜诉（驳回诉讼请求或维持）', lost: '败诉', partly_lost: '部分败诉' },
  },
} as const;
