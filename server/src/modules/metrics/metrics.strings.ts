export { FIGURE_LABELS } from '../../../../contracts/metrics.js';

export const SHEET_TITLE = '接诉即办考核统计';
export const COLUMN_RANK = '排名';
export const COLUMN_UNIT = '单位';
export const COLUMN_TOTAL = '合计';
export const NUMERATOR = '分子';
export const DENOMINATOR = '分母';
export const PERIOD_LABEL = (from: string, to: string) => `统计期间：${from} 至 ${to}`;
/** A figure without a denominator, a change without a base. */
export const NO_VALUE = '—';
/** After a change in percentage points: "+2.35 个百分点". */
export const POINTS_UNIT = '个百分点';
/** Excel's number format of a change in percentage points: "+2.35 个百分点". */
export const POINTS_NUMBER_FORMAT = '+0.00" 个百分点";-0.00" 个百分点";0.00" 个百分点"';

export const STATS_TEXT = {
  unclassified: '未分类',
  compositeScore: '综合得分',
  volume: '诉求量',
} as const;

export const STATS_CLI_TEXT = {
  usage: '用法：fazhi stats [--unit <单位代码>] [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--rank-by <指标>] [--json]；fazhi stats verify [--json]',
  badPeriod: '统计期间不正确：日期格式为 YYYY-MM-DD，开始日期不能晚于结束日期，一次最多统计三年',
  unknownUnit: (code: string) => `未找到单位：${code}（可用单位标识、行政区划代码或单位编号）`,
  heading: (unit: string, from: string, to: string) => `${unit}　${from} 至 ${to}`,
  volume: (count: number, change: string) => `  诉求量　${count} 件（${change}）`,
  lastYear: '上年同期',
  figureChanges: (lastYear: string, previous: string) => `同比 ${lastYear}　环比 ${previous}`,
  verified: (cases: number, events: number, seconds: number) => `已按事件重算 ${cases} 件诉求、${events} 条事件，用时 ${seconds.toFixed(1)} 秒`,
  difference: (table: string, key: string, rollup: string, events: string) => `  不一致 ${table} ${key}：汇总表 ${rollup}，事件重算 ${events}`,
  verifyOk: '汇总表与事件重算结果一致',
  sourcesVerified: (modules: string[]) => `已核对 ${modules.join('、')} 模块统计所依据的案件数据与案件记录`,
  sourceDifference: (module: string, caseId: string, field: string, detail?: string) => `  ${module} 案件 ${caseId} 的 ${field} 与案件记录不符${detail ? `（${detail}）` : ''}`,
  verifyFailed: (n: number) => `发现 ${n} 处不一致`,
} as const;

export const AS_OF_LABEL = (when: string) => `统计时点：${when}`;

/** Column headers and titles of the dashboard's Excel tables. */
export const TABLE_TEXT = {
  date: '日期',
  received: '受理量',
  dispatched: '派单量',
  count: '件数',
  share: '占比',
  channel: '受理渠道',
  requestType: '诉求类型',
  category: '诉求类别',
  topCategory: '诉求类别（二级）',
  township: '乡镇（街道）',
  regionCode: '区划代码',
  requests: '受理量',
  open: '在办（统计时点）',
  overdue: '超期（统计时点）',
  overdueShare: '超期占比',
  figure: '指标',
  current: '本期',
  previous: '上期',
  lastYear: '去年同期',
  changeFromPrevious: '环比',
  changeFromLastYear: '同比',
  previousBasis: '上期',
  lastYearBasis: '去年同期',
  comparedPeriods: (previous: string, lastYear: string) => `上期：${previous}；去年同期：${lastYear}`,
  changeNote: '诉求量的环比、同比为增减幅度（%），各项指标的环比、同比为两期比率之差（百分点）',
  trackingCode: '受理编号',
  title: '诉求标题',
  handlingUnit: '承办单位',
  receivedAt: '受理时间',
  dueAt: '办理时限',
  state: '状态',
  truncated: (shown: number, total: number) => `共${total}件，仅导出前${shown}件；请缩小范围后分别导出`,
} as const;

/** Titles (after the unit's name) and file names of each exportable table. */
export const TABLE_TITLES = {
  ranking: SHEET_TITLE,
  'volume-by-day': '诉求量（按日）',
  'volume-by-channel': '诉求量（按受理渠道）',
  'volume-by-type': '诉求量（按诉求类型）',
  'volume-by-category': '诉求量（按诉求类别）',
  'top-categories': '诉求量前十的二级类别',
  townships: '各乡镇（街道）诉求与在办情况',
  figures: '接诉即办指标（同比环比）',
} as const;

export const DRILL_DOWN_TITLES = {
  open: '在办诉求清单',
  overdue: '超期诉求清单',
  dueSoon: '临期诉求清单',
  awaitingDispatch: '待派单诉求清单',
} as const;

export const PUBLIC_TEXT = {
  unknownFigure: (key: string) => `没有名为“${key}”的指标`,
} as const;
