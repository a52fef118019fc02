// Every Chinese word the reconsideration module shows: import problems (by stable code, listed in
// docs/errors.md) and how its figures are written.

/** The import file's header, in order (a contract with the counties' files); the names stay English so programs can write them. */
export const IMPORT_HEADER = ['received_on', 'concluded_on', 'respondent', 'field', 'decision'] as const;
export type ImportColumn = (typeof IMPORT_HEADER)[number];

export const COLUMN_LABELS: Record<ImportColumn, string> = {
  received_on: '收到申请日期',
  concluded_on: '审结日期',
  respondent: '被申请人',
  field: '行政管理领域',
  decision: '审结方式',
};

/** Stable codes of import problems; programs rely on these, people read the messages. */
export const IMPORT_ERROR_CODES = [
  'IMPORT_FILE_TYPE',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_ENCODING',
  'IMPORT_XLSX_UNREADABLE',
  'IMPORT_CSV_QUOTE',
  'IMPORT_HEADER',
  'IMPORT_NO_ROWS',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_COLUMNS',
  'IMPORT_TEXT',
  'IMPORT_REQUIRED',
  'IMPORT_TOO_LONG',
  'IMPORT_DATE',
  'IMPORT_DATE_TOO_EARLY',
  'IMPORT_DATE_FUTURE',
  'IMPORT_DATE_ORDER',
  'IMPORT_DECISION',
  'IMPORT_CONCLUSION_INCOMPLETE',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

const at = (line: number, column?: ImportColumn) =>
  column ? `第${line}行 ${column}（${COLUMN_LABELS[column]}）：` : `第${line}行：`;

const DAY_EXAMPLE = '如 2019-07-01';

/** Messages by code; each names its line (and column) so the file can be fixed in one pass. */
export const IMPORT_MESSAGES = {
  IMPORT_FILE_TYPE: (fileName: string) => `不能导入“${fileName}”：请上传 .xlsx 文件或 UTF-8 编码的 .csv 文件`,
  IMPORT_FILE_TOO_LARGE: (megabytes: number) => `文件过大：一次最多导入 ${megabytes} MB，请分成几个文件导入`,
  IMPORT_ENCODING: (line: number) =>
    `文件不是 UTF-8 编码（第${line}行起无法识别，多半是 Excel 默认保存的 GBK 编码 CSV）。` +
    '请在 Excel 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”，再重新导入；也可以直接导入 .xlsx 文件',
  IMPORT_XLSX_UNREADABLE: '无法读取该 .xlsx 文件：文件已损坏，或不是 .xlsx 格式（.xls 文件请先在 Excel 中另存为 .xlsx），或其中没有工作表',
  IMPORT_CSV_QUOTE: (line: number) => `${at(line)}引号没有配对，该行以后的内容都被读进了同一格；请检查该行的双引号`,
  IMPORT_HEADER: (expected: string, actual: string) =>
    `${at(1)}表头应为 ${expected}（列名和顺序都须一致），实际为“${actual}”`,
  IMPORT_NO_ROWS: '文件中除表头外没有案件，未导入任何内容',
  IMPORT_TOO_MANY_ROWS: (line: number, max: number) =>
    `${at(line)}案件过多：一次最多导入 ${max.toLocaleString('en-US')} 件，请分成几个文件导入`,
  IMPORT_COLUMNS: (line: number, count: number, expected: number) =>
    `${at(line)}有 ${count} 列，应为 ${expected} 列（没有的内容留空，但逗号不能少；内容含逗号时请用英文双引号括起）`,
  IMPORT_TEXT: (line: number, column: ImportColumn) => `${at(line, column)}含有换行或其他控制字符，请删去`,
  IMPORT_REQUIRED: (line: number, column: ImportColumn) => `${at(line, column)}不能为空`,
  IMPORT_TOO_LONG: (line: number, column: ImportColumn, length: number, max: number) =>
    `${at(line, column)}有 ${length} 个字，最多 ${max} 个字`,
  IMPORT_DATE: (line: number, column: ImportColumn, value: string) =>
    `${at(line, column)}“${value}”不是有效日期，应写成 YYYY-MM-DD 格式的真实日期（${DAY_EXAMPLE}）`,
  IMPORT_DATE_TOO_EARLY: (line: number, column: ImportColumn, value: string, earliest: string) =>
    `${at(line, column)}${value} 早于行政复议制度施行之日（${earliest}，《行政复议条例》），请检查年份`,
  IMPORT_DATE_FUTURE: (line: number, column: ImportColumn, value: string, today: string) =>
    `${at(line, column)}${value} 晚于今天（${today}），不能导入将来的日期`,
  IMPORT_DATE_ORDER: (line: number, concluded: string, received: string) =>
    `${at(line, 'concluded_on')}审结日期 ${concluded} 早于收到申请日期 ${received}`,
  IMPORT_DECISION: (line: number, value: string, allowed: readonly string[]) =>
    `${at(line, 'decision')}“${value}”不是可用的审结方式，应为以下之一：${allowed.join('、')}`,
  IMPORT_CONCLUSION_INCOMPLETE: (line: number, missing: ImportColumn) =>
    `${at(line, missing)}审结日期和审结方式须同时填写（已审结的案件）或同时留空（未审结的案件）`,
} satisfies Record<ImportErrorCode, unknown>;

/** A figure with a zero denominator (never NaN or infinity). */

// The workflow: states, actions, clocks, roles, documents and figures.
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
  record_history: '导入历史案件',
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
  add_third_party: '追加第三人',
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

export const IMPORT_REPORT = {
  imported: (n: number, concluded: number, open: number) => `已导入 ${n} 件复议案件：已审结 ${concluded} 件，未审结 ${open} 件。`,
  organ: (name: string) => `复议机关：${name}`,
  outside: (names: string[]) => `以下被申请人不在本级单位树中，已记为外部机关（${names.length} 个）：${names.join('、')}`,
  failed: (n: number) => `文件有 ${n} 处问题，未导入任何案件：`,
  problem: (line: number, column: string | undefined, message: string, code: string) => `  第 ${line} 行${column ? `「${column}」` : ''}：${message} [${code}]`,
  usage: '用法：fazhi xzfy import <文件.csv|文件.xlsx> [--organ <复议机关单位>]',
  unknownOrgan: (organ: string) => `没有复议机关 ${organ}（须为人民政府单位，可用单位编号或标识如 government）`,
  unreadable: (file: string) => `读不到文件 ${file}`,
} as const;

export const CHANNEL_LABELS = { online: '网上申请', counter: '窗口申请', mail: '邮寄申请', import: '历史数据导入' } as const;
export const APPLICANT_KIND_LABELS = { citizen: '公民', enterprise: '企业', organisation: '其他组织' } as const;
export const PROCEDURE_LABELS = { ordinary: '普通程序', simple: '简易程序' } as const;
export const JOINED_BY_LABELS = { applied: '申请参加', notified: '通知参加' } as const;
export const OPINION_KIND_LABELS = { opinion: '行政复议意见书', suggestion: '行政复议建议书' } as const;

/** The decision document's words (行政复议法 art. 75; the right to sue within 15 days, 行政诉讼法 art. 45). */
export const DECISION_TEMPLATE = {
  label: '行政复议决定书',
  fields: {
    applicant: '申请人', respondent: '被申请人', thirdParties: '第三人', caseNumber: '案号', contestedAct: '被申请复议的行政行为', receivedOn: '申请日期',
    claims: '复议请求', reasoning: '本机关认为', basis: '法律依据', decision: '决定',
  },
  body: [
    { kind: 'title', text: '行政复议决定书' },
    { kind: 'number' },
    { kind: 'paragraph', text: '申请人：{applicant}' },
    { kind: 'paragraph', text: '被申请人：{respondent}' },
    { kind: 'paragraph', text: '第三人：{thirdParties}' },
    { kind: 'paragraph', text: '申请人不服被申请人作出的{contestedAct}，于{receivedOn}向本机关申请行政复议（案号：{caseNumber}），本机关依法予以受理并审理终结。' },
    { kind: 'heading', text: '一、复议请求' },
    { kind: 'paragraph', text: '{claims}' },
    { kind: 'heading', text: '二、本机关认为' },
    { kind: 'paragraph', text: '{reasoning}' },
    { kind: 'heading', text: '三、决定' },
    { kind: 'paragraph', text: '根据{basis}，本机关决定：{decision}。' },
    { kind: 'paragraph', text: '申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。' },
    { kind: 'signature' },
  ],
} as const;

/** How each decision on the merits reads in the 决定书. */
export const DECISION_WORDING = {
  uphold: '维持被申请人作出的行政行为',
  dismiss: '驳回申请人的行政复议请求',
  revoke: '撤销被申请人作出的行政行为',
  vary: '变更被申请人作出的行政行为',
  confirm_illegal: '确认被申请人作出的行政行为违法',
  order_performance: '责令被申请人在法定期限内履行法定职责',
  confirm_void: '确认被申请人作出的行政行为无效',
  order_reply: '责令被申请人依法作出答复',
} as const;

export const FIGURE_LABELS = {
  received: '收案数',
  accepted: '受理数',
  concluded: '审结数',
  corrected: '纠错数',
  correctionRate: '纠错率',
  averageDays: '平均审结天数',
  byDecision: '按结案方式',
  byRespondent: '按被申请人（纠错率排名）',
  byField: '按行政管理领域',
} as const;


/** Columns and filters of the case lists. */
export const LIST_LABELS = {
  caseNumber: '案号', contestedAct: '被申请复议的行政行为', respondent: '被申请人', respondentUnit: '被申请单位', field: '行政管理领域',
  receivedOn: '收到申请日期', conclusion: '结案方式', concludedOn: '审结日期', state: '办理状态',
} as const;

/** The public progress page: the opening's name, and what an applicant reads of each step. */
export const PUBLIC_LABELS = {
  applied: '收到申请',
  decisionDue: '审理期限至',
  suspended: '审理中止，期限暂停计算',
} as const;

/** How a form names a case's own items to choose from. */
export const CHOICE_LABELS = {
  supplement: (sentOn: string, dueOn: string) => `${sentOn} 发出的补正通知（补正期限至 ${dueOn}）`,
  opinion: (kind: string, unit: string, issuedOn: string) => `${issuedOn} 致${unit}的${kind}`,
} as const;

/** How each form names its fields (by field name; a field whose words differ by action carries its own title). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  items: '补正事项', supplementId: '补正通知', note: '备注', reason: '理由', procedure: '审理程序', lapsedAt: '受理审查期限届满时间',
  basis: '法律依据', toOrgan: '转送机关', summary: '答复要点', hearingOn: '听证日期', place: '听证地点', record: '听证笔录',
  questions: '提请审议的问题', opinion: '委员会意见', meetingOn: '会议日期', ground: '中止情形', decision: '复议决定', reasoning: '本机关认为',
  servedOn: '送达日期', method: '送达方式', kind: '文书种类', unitId: '制发对象', content: '内容', opinionId: '意见书或建议书', report: '落实情况',
  decisionKey: '结案方式', concludedOn: '审结日期', name: '第三人姓名或名称', creditCode: '统一社会信用代码', joinedBy: '参加方式',
  interest: '与案件的利害关系',
};
