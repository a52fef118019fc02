export { FIGURE_LABELS } from '../../../../contracts/metrics.js';

export const SHEET_TITLE = '接诉即办考核统计';
export const COLUMN_RANK = '排名';
export const COLUMN_UNIT = '单位';
export const COLUMN_TOTAL = '合计';
export const NUMERATOR = '分子';
export const DENOMINATOR = '分母';
export const PERIOD_LABEL = (from: string, to: string) => `统计期间：${from} 至 ${to}`;

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
  verified: (cases: number, events: number, seconds: number) => `已按事件重算 ${cases} 件诉求、${events} 条事件，用时 ${seconds.toFixed(1)} 秒`,
  difference: (table: string, key: string, rollup: string, events: string) => `  不一致 ${table} ${key}：汇总表 ${rollup}，事件重算 ${events}`,
  verifyOk: '汇总表与事件重算结果一致',
  verifyFailed: (n: number) => `发现 ${n} 处不一致`,
} as const;
