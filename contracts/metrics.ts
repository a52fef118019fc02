/** The 接诉即办 figures of METRICS.md, in the order tables show them. */
export const FIGURE_KEYS = [
  'responseRate',
  'onTimeRate',
  'replyRate',
  'resolutionRate',
  'satisfactionRate',
  'goodRatingRate',
  'rectificationRate',
  'firstTimeClosingRate',
  'returnRate',
  'repeatRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  responseRate: '响应率',
  onTimeRate: '按时办结率',
  replyRate: '回复率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  goodRatingRate: '好评率',
  rectificationRate: '差评整改率',
  firstTimeClosingRate: '一次办结率',
  returnRate: '退单率',
  repeatRate: '重复诉求率',
};

/** Figures where a lower value is better (rankings order them ascending). */
export const LOWER_IS_BETTER: ReadonlySet<FigureKey> = new Set(['returnRate', 'repeatRate']);

/** A figure is shown with what it is made of, so a person can check it. */
export interface FigureValue {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null where the denominator is zero. */
  value: number | null;
}

/** What a ranking may be ordered by: one figure, or the composite score (综合得分). */
export type RankKey = FigureKey | 'compositeScore';
