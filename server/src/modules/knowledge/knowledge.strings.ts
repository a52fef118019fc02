/** Every Chinese word of the knowledge base (知识库). */
export const MODULE_LABEL = '知识库';
export const CASE_TYPE_LABEL = '知识库条目';
export const OPEN_LABEL = '新建条目';

export const ROLE_LABELS = { editor: '知识库维护人', publisher: '知识库审核发布人' } as const;

export const STATE_LABELS = {
  draft: '草稿',
  submitted: '待审核发布',
  published: '已发布',
  expired: '已过期',
  withdrawn: '已停用',
} as const;

export const ACTION_LABELS = {
  revise: '修改',
  submit: '提交审核',
  publish: '审核发布',
  return: '退回修改',
  renew: '复核确认',
  expire: '到期失效',
  withdraw: '停用',
} as const;

export const CLOCK_LABELS = { publication: '发布审核', rework: '退回修改', review: '复核日期', validity: '有效期' } as const;

export const ESCALATION_LABELS = {
  reviewSoon: '临近复核日期',
  reviewDue: '已过复核日期',
  validitySoon: '临近有效期截止',
  validityEnded: '有效期届满',
} as const;

/** Why an entry is not offered for a direct answer, as the search shows it. */
export const UNAVAILABLE_LABELS = {
  draft: '草稿，尚未发布',
  submitted: '待审核发布',
  withdrawn: '已停用',
  not_yet_valid: '尚未生效',
  validity_ended: '已过有效期',
  review_overdue: '已过复核日期，待所属单位复核',
} as const;

export const EXPIRED_REASON_LABELS = { validity: '有效期届满', review: '超过复核日期未复核' } as const;

export const LIST_LABELS = {
  question: '问题',
  legalBasis: '法律依据',
  keywords: '关键词',
  validUntil: '有效期至',
  reviewOn: '复核日期',
  revision: '版本',
  state: '状态',
  owner: '所属单位',
} as const;

/** How each form names its fields, by field name. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  question: '问题',
  answer: '答复口径',
  legalBasis: '法律依据',
  keywords: '关键词',
  categoryCode: '诉求类别',
  validFrom: '生效日期',
  validUntil: '有效期至',
  reviewOn: '复核日期',
  reason: '理由',
};

/** How the revision form names a category choice. */
export const categoryChoice = (path: readonly string[]) => path.join(' / ');
