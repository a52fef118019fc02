import { readFileSync } from 'node:fs';
import { FIGURE_KEYS, LOWER_IS_BETTER, type FigureKey, type FigureValue, type RankKey } from '../../../../../contracts/metrics.js';
import { repoPath } from '../../../platform/repo-path.js';
import { figure } from './figure.js';

/** The sums kept per unit and day (hotline_daily_figures), plus received and merged requests. */
export const COUNT_KEYS = [
  'dispatched', 'returned', 'responseDue', 'responseMet', 'handlingDue', 'handlingMet', 'closed', 'closedWithReply',
  'closedDispatched', 'closedAtFirstDispatch',
  'evaluations', 'resolved', 'satisfied', 'basicallySatisfied', 'ratings', 'goodRatings', 'badRatingsDue', 'badRatingsRectified',
  'requests', 'merged',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type FigureCounts = Record<CountKey, number>;

export const zeroCounts = (): FigureCounts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as FigureCounts;

export function addCounts(into: FigureCounts, from: Partial<FigureCounts>): FigureCounts {
  for (const key of COUNT_KEYS) into[key] += from[key] ?? 0;
  return into;
}

export interface SatisfactionWeights {
  satisfied: number;
  basically_satisfied: number;
}

/** Every METRICS.md 接诉即办 figure from the sums, each with numerator and denominator. */
export function figuresFromCounts(c: FigureCounts, weights: SatisfactionWeights): Record<FigureKey, FigureValue> {
  const satisfactionAnswers = c.evaluations;
  return {
    responseRate: figure(c.responseMet, c.responseDue),
    onTimeRate: figure(c.handlingMet, c.handlingDue),
    replyRate: figure(c.closedWithReply, c.closed),
    resolutionRate: figure(c.resolved, c.evaluations),
    satisfactionRate: figure(c.satisfied * weights.satisfied + c.basicallySatisfied * weights.basically_satisfied, satisfactionAnswers),
    goodRatingRate: figure(c.goodRatings, c.ratings),
    rectificationRate: figure(c.badRatingsRectified, c.badRatingsDue),
    firstTimeClosingRate: figure(c.closedAtFirstDispatch, c.closedDispatched),
    returnRate: figure(c.returned, c.dispatched),
    repeatRate: figure(c.merged, c.requests),
  };
}

interface CompositeScoreFile {
  source: string;
  weights: Partial<Record<FigureKey, number>>;
}

let compositeWeights: Partial<Record<FigureKey, number>> | undefined;

/** 综合得分 (0–100) from the weighted figures; null when any weighted figure has no denominator. */
export function compositeScore(figures: Record<FigureKey, FigureValue>): number | null {
  compositeWeights ??= (JSON.parse(readFileSync(repoPath('server/src/modules/metrics/data/composite-score.json'), 'utf8')) as CompositeScoreFile).weights;
  let score = 0;
  for (const [key, weight] of Object.entries(compositeWeights) as Array<[FigureKey, number]>) {
    const value = figures[key].value;
    if (value === null) return null;
    score += weight * value * 100;
  }
  return Math.round(score * 100) / 100;
}

/**
 * Ranks rows by one figure or the composite score, best first (lowest first for
 * 退单率 and 重复诉求率); equal values share a rank, rows without a value are not ranked.
 */
export function rankRows<T extends { rank: number | null; compositeScore: number | null; figures: Record<FigureKey, FigureValue>; unit: { unitId: number } }>(
  rows: T[],
  key: RankKey,
): T[] {
  const valueOf = (row: T) => (key === 'compositeScore' ? row.compositeScore : row.figures[key].value);
  const direction = key !== 'compositeScore' && LOWER_IS_BETTER.has(key) ? 1 : -1;
  const ranked = rows.filter((r) => valueOf(r) !== null).sort((a, b) => direction * (valueOf(a)! - valueOf(b)!));
  for (const row of rows) row.rank = null;
  let rank = 0;
  let previous: number | null = null;
  ranked.forEach((row, i) => {
    if (valueOf(row) !== previous) rank = i + 1;
    previous = valueOf(row);
    row.rank = rank;
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.unitId - b.unit.unitId);
}

export { FIGURE_KEYS };
