import type { Figure } from './api';
import { metricsStrings as s } from './strings';

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
export function formatRate(figure: Figure | null | undefined): string {
  if (!figure || figure.value === null || !Number.isFinite(figure.value)) return s.none;
  const { numerator: n, denominator: d } = figure;
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && d > 0 && n >= 0 && n * 20000 < Number.MAX_SAFE_INTEGER) {
    // round(n/d × 10000) half up, in integers: floor((2·n·10000 + d) / (2·d)).
    return hundredthsToPercent(Math.floor((2 * n * 10000 + d) / (2 * d)));
  }
  // Weighted numerators are not integers; strip float noise before rounding.
  const scaled = Number((figure.value * 10000).toPrecision(12));
  return hundredthsToPercent(Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5));
}

export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}
