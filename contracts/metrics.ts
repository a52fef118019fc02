/** The 接诉即办 figures of METRICS.md, in the order tables show them. */
export const FIGURE_KEYS = ['responseRate', 'onTimeRate', 'replyRate', 'resolutionRate', 'satisfactionRate', 'returnRate'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  responseRate: '响应率',
  onTimeRate: '按时办结率',
  replyRate: '回复率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  returnRate: '退单率',
};
