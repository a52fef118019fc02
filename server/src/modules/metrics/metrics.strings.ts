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
