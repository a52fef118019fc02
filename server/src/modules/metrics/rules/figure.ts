import { NO_VALUE, POINTS_UNIT } from '../metrics.strings.js';

/** A figure is shown with what it is made of, so a person can check it. */
export interface Figure {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null where the denominator is zero. */
  value: number | null;
}

export function figure(numerator: number, denominator: number): Figure {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** "95.24%": two decimals, half up, at display only (METRICS.md). "—" when undefined. */
export function formatRate(value: number | null): string {
  if (value === null) return '—';
  return `${(rateHundredths(value) / 100).toFixed(2)}%`;
}

/** A rate in integer hundredths of a percent, rounded as formatRate shows it. */
export function rateHundredths(value: number): number {
  // Integer hundredths avoid binary rounding (0.125 → 12.50%).
  return Math.round(Number((value * 10000).toFixed(6)) + 1e-9);
}

/** Year-on-year or period-on-period change, "—" with a zero base (never infinity). */
export function change(current: number, base: number): number | null {
  return base === 0 ? null : (current - base) / base;
}

/**
 * A change as the seeds write it: "较2020年增加93%", "较上月减少4.5%", "与上年持平";
 * "—" where the base is zero.
 */
export function describeChange(value: number | null, basis: string): string {
  if (value === null) return '—';
  const percent = Math.round(Math.abs(value) * 1000) / 10;
  if (percent === 0) return `与${basis}持平`;
  const shown = Number.isInteger(percent) ? String(percent) : percent.toFixed(1);
  return `较${basis}${value > 0 ? '增加' : '减少'}${shown}%`;
}

/** "+2.35 个百分点", "-1.20 个百分点", "0.00 个百分点"; "—" when there is nothing to compare. */
export function formatPoints(points: number | null): string {
  if (points === null) return NO_VALUE;
  const sign = points > 0 ? '+' : points < 0 ? '-' : '';
  return `${sign}${Math.abs(points).toFixed(2)} ${POINTS_UNIT}`;
}

/** The change from one rate to another in percentage points, from the rates as shown (2.35); null when either is undefined. */
export function pointChange(current: number | null, base: number | null): number | null {
  if (current === null || base === null) return null;
  return (rateHundredths(current) - rateHundredths(base)) / 100;
}

/**
 * A rate compared with an earlier one in percentage points, as reports write rates
 * ("较上月提高1.20个百分点"); taken from the shown (rounded) rates so the text adds up
 * with them. Null when either rate is undefined.
 */
export function describePointChange(current: number | null, base: number | null, basis: string): string | null {
  if (current === null || base === null) return null;
  const diff = rateHundredths(current) - rateHundredths(base);
  if (diff === 0) return `与${basis}持平`;
  return `较${basis}${diff > 0 ? '提高' : '下降'}${(Math.abs(diff) / 100).toFixed(2)}个百分点`;
}
