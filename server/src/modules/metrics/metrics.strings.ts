import type { FigureKey } from './operations/compute-hotline-figures.js';

export const FIGURE_LABELS: Record<FigureKey, string> = {
  responseRate: '响应率',
  onTimeRate: '按时办结率',
  replyRate: '回复率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  returnRate: '退单率',
};

export const SHEET_TITLE = '接诉即办考核统计';
export const COLUMN_RANK = '排名';
export const COLUMN_UNIT = '单位';
export const COLUMN_TOTAL = '合计';
export const NUMERATOR = '分子';
export const DENOMINATOR = '分母';
export const PERIOD_LABEL = (from: string, to: string) => `统计期间：${from} 至 ${to}`;
