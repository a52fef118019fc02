import type { FigureValue } from '../../../../contracts/metrics';
import { metricsStrings as s } from './strings';

/** value rounded half up to `decimals` places, after stripping float noise (0.125 → 0.13). */
function roundHalfUp(value: number, decimals: number): string {
  const scaled = Number((Math.abs(value) * 10 ** decimals).toPrecision(12));
  const text = (Math.floor(scaled + 0.5) / 10 ** decimals).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `-${text}` : text;
}

function hundredthsToPercent(hundredths: number): string {
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
  return negative ? `-${text}` : text;
}

/**
 * A rate as a percentage with two decimals, rounded half up at display only
 * ("95.24%"); "—" when there is no value. Integer counts are divided exactly, so
 * 163/399 shows 40.85% whatever the float said.
 */
export function formatRate(figure: FigureValue | null | undefined): string {
  if (!figure || figure.value === null || !Number.isFinite(figure.value)) return s.none;
  const { numerator: n, denominator: d } = figure;
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && d > 0 && n >= 0 && n * 20000 < Number.MAX_SAFE_INTEGER) {
    // round(n/d × 10000) half up, in integers: floor((2·n·10000 + d) / (2·d)).
    return hundredthsToPercent(Math.floor((2 * n * 10000 + d) / (2 * d)));
  }
  // Weighted numerators are not integers.
  return `${roundHalfUp(figure.value * 100, 2)}%`;
}

/** "152/160": what a rate is made of. */
export function formatFraction(figure: FigureValue): string {
  return `${formatCount(figure.numerator)}/${formatCount(figure.denominator)}`;
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** The composite score (综合得分, 0–100) with two decimals; "—" when a part is missing. */
export function formatScore(value: number | null): string {
  return value === null ? s.none : roundHalfUp(value, 2);
}

/** A share of a whole as "12.5%" (one decimal); "—" when there is no whole. */
export function formatShare(value: number | null): string {
  return value === null ? s.none : `${roundHalfUp(value * 100, 1)}%`;
}

export type ChangeBasis = 'lastYear' | 'previous';

/**
 * A rate's change in percentage points, as the server computed it from the shown rates:
 * "同比 +2.35 个百分点", "环比 -1.20 个百分点"; "同比 —" when either rate is undefined.
 */
export function formatPoints(points: number | null, basis: ChangeBasis): string {
  if (points === null || !Number.isFinite(points)) return s.noChange[basis];
  const sign = points > 0 ? '+' : points < 0 ? '-' : '';
  return s.pointsChange(s.comparisonName[basis], `${sign}${roundHalfUp(Math.abs(points), 2)}`);
}

/**
 * A change as the seeds write it: "较上年同期增加93%", "较上期减少4.5%", "与上期持平";
 * "—" where the base is zero (the contract sends null then).
 */
export function formatChange(value: number | null, basis: ChangeBasis): string {
  if (value === null || !Number.isFinite(value)) return s.none;
  const name = s.changeBasis[basis];
  const percent = roundHalfUp(Math.abs(value) * 100, 1).replace(/\.0$/, '');
  if (percent === '0') return s.change.flat(name);
  return value > 0 ? s.change.up(name, percent) : s.change.down(name, percent);
}
