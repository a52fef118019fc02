/** Every Chinese word of 行政执法's registers. */
export const MODULE_LABEL = '行政执法';

export const ROLE_LABELS = {
  officer: '执法人员',
  subject_admin: '执法主体管理员',
  legal_reviewer: '法制审核人员',
  supervisor: '执法监督人员',
} as const;

export { SUBJECT_KIND_LABELS, SUBJECT_STATUS_LABELS, CERTIFICATE_STATUS_LABELS, OBJECT_KIND_LABELS, HISTORY_KIND_LABELS } from '../../../../contracts/enforcement.js';

/** 事项类别: the 权力类型 of the 权责清单 an enforcement matter may have. */
export const MATTER_KINDS = ['行政处罚', '行政强制', '行政检查', '行政征收', '行政确认', '其他行政权力'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

/** Why an officer may not act, in the words a refusal shows. */
export const ACT_REFUSAL_LABELS = {
  no_certificate: '没有执法证',
  not_yet_valid: '执法证尚未生效',
  expired: '执法证已过有效期',
  suspended: '执法证被暂扣',
  revoked: '执法证被吊销',
  cancelled: '执法证已注销',
  field_not_covered: '执法证不含该执法领域',
  same_officer: '同一名执法人员不能算作两人',
  too_few: '执法人员不得少于两人',
  unknown_officer: '没有这名执法人员',
  subject_inactive: '所属执法主体已停用',
} as const;

/** The import file's columns, exactly as its header row writes them. */
export const MATTER_COLUMNS = {
  code: '事项编码',
  name: '事项名称',
  kind: '事项类别',
  field: '执法领域',
  subject: '实施主体',
  basis: '法律依据',
  dutyCode: '权责清单编码',
  firstOffenceExempt: '首违不罚',
  minorExempt: '轻微不罚',
  exemptionItem: '不罚清单事项',
  circumstance: '违法情节',
  description: '情节描述',
  fineMin: '罚款下限（元）',
  fineMax: '罚款上限（元）',
  otherPenalties: '其他处罚',
} as const;

export const MATTER_REQUIRED_COLUMNS = ['code', 'name', 'kind', 'field', 'subject', 'basis'] as const;

export const YES = '是';
export const NO = '否';

export const ROW_PROBLEMS = {
  noRows: '文件没有数据行',
  missingColumns: (columns: string[]) => `缺少列：${columns.join('、')}`,
  missing: (line: number, column: string) => `第 ${line} 行：「${column}」不能为空`,
  badKind: (line: number, value: string) => `第 ${line} 行：事项类别「${value}」不在 ${MATTER_KINDS.join('、')} 之中`,
  badField: (line: number, value: string) => `第 ${line} 行：执法领域「${value}」不在执法领域清单中`,
  unknownSubject: (line: number, value: string) => `第 ${line} 行：没有名为「${value}」的执法主体`,
  fieldNotHeld: (line: number, subject: string, field: string) => `第 ${line} 行：执法主体「${subject}」不负责「${field}」领域`,
  unknownDuty: (line: number, value: string) => `第 ${line} 行：权责清单中没有编码为「${value}」的事项`,
  badFlag: (line: number, column: string, value: string) => `第 ${line} 行：「${column}」只能填 是 或 否，不能是「${value}」`,
  exemptionItemMissing: (line: number) => `第 ${line} 行：列入首违不罚或轻微不罚清单的事项须填写「不罚清单事项」`,
  differs: (line: number, column: string, first: number) => `第 ${line} 行：「${column}」与第 ${first} 行同一事项的填写不一致`,
  badCircumstance: (line: number, value: string) => `第 ${line} 行：违法情节「${value}」只能是 轻微、一般、较重、严重`,
  badFine: (line: number, column: string, value: string) => `第 ${line} 行：「${column}」应为不小于 0 的整数元，不能是「${value}」`,
  badPenalty: (line: number, value: string) => `第 ${line} 行：其他处罚「${value}」不是行政处罚法第九条规定的处罚种类`,
  benchmarkColumnsWithoutCircumstance: (line: number) => `第 ${line} 行：填写了裁量内容却没有「违法情节」`,
  fineOrder: (line: number) => `第 ${line} 行：罚款下限大于上限`,
  fineHalfOpen: (line: number) => `第 ${line} 行：罚款下限和上限须同时填写或同时留空`,
  circumstanceTwice: (line: number) => `第 ${line} 行：同一事项的这一违法情节已经写过`,
  rowEmpty: (line: number) => `第 ${line} 行：这一违法情节既无罚款也无其他处罚`,
  codeHeldElsewhere: (code: string) => `事项编码「${code}」已属于您管辖范围以外的执法主体`,
  gradesOverlap: (line: number) => `第 ${line} 行：较轻情节的罚款上限高于这一较重情节的罚款上限`,
} as const;

export const CLI_TEXT = {
  usage: '用法：fazhi xzzf import-matters --from <文件.csv|.xlsx>\n      fazhi xzzf expiring [--days 60]',
  imported: (matters: number, added: number, changed: number) => `已导入执法事项 ${matters} 项（新增 ${added} 项，更新 ${changed} 项）。`,
  failed: '导入失败，未导入任何事项：',
  expiring: (subject: string, number: string, officer: string, validTo: string, daysLeft: number) => `${subject}  ${officer}  ${number}  有效期至 ${validTo}（剩 ${daysLeft} 天）`,
  noneExpiring: (days: number) => `${days} 天内没有到期的执法证。`,
} as const;
