/** Every Chinese word the documents module shows. */

export const ATTACHMENT_LIMIT_MB = 20;

export const documentsText = {
  fieldsMissing: (labels: readonly string[]) => `文书缺少必填项：${labels.join('、')}`,
  fieldUnknown: '该文书没有这一项',
  fieldNotText: '应填写文字',
  fieldTooLong: (max: number) => `不能超过 ${max} 个字`,
  fieldNotDate: '应为日期（如 2026-03-02）',
  fieldNotOption: (options: readonly string[]) => `应为以下之一：${options.join('、')}`,
  fieldNotMoney: '应为不小于零的金额（元），最多两位小数',
  moneyUnit: '元',
  draftSuffix: (version: number) => `（第${version}稿）`,
  numberSuffix: (number: string) => `（${number}）`,
};

/** What `fazhi audit verify` calls each problem it finds with a case's files. */
export const DOCUMENT_FINDINGS: Record<string, string> = {
  attachment_altered: '附件内容与记录中的哈希不符（文件被改动）',
  attachment_unrecorded: '附件未记入案件记录（事后补入）',
  attachment_missing: '案件记录中的附件已不存在',
  document_altered: '文书内容与记录中的哈希或文号不符（文书被改动）',
  document_unrecorded: '文书未记入案件记录（事后补入）',
  document_missing: '案件记录中的文书已不存在',
};
