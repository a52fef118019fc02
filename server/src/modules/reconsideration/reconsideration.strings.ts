// Every Chinese word the reconsideration module shows: import problems (by stable code, listed in
// docs/errors.md) and how its figures are written.

/** The import file's header, in order (issue 13); the names stay English so programs can write them. */
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
export const NO_FIGURE = '—';

export const daysDisplay = (days: string) => `${days}天`;
