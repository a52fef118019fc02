import { FIGURE_LABELS, type FigureKey, type FigureValue } from '../../../../../contracts/metrics.js';
import type { VolumeSlice } from '../../../../../contracts/statistics.js';
import { AREA_WORDS, FIGURE_PARTS, OWN_UNIT, REPORT } from '../reports.strings.js';
import { describeChange, describePointChange, formatRate } from './figure.js';

/** "全区" for 兰山区, "全街道" for a 街道 …; a unit that is not an area (a department) is "本单位". */
export function areaWord(place: string, isArea: boolean): string {
  if (!isArea) return OWN_UNIT;
  return AREA_WORDS.find(([suffix]) => place.endsWith(suffix))?.[1] ?? OWN_UNIT;
}

/** A relative change as the seeds write it ("较上月增加100%"), or "上月无可比数据" where the base is zero. */
export function changeText(value: number | null, basis: string): string {
  return value === null ? REPORT.noBase(basis) : describeChange(value, basis);
}

/** Counts are whole, but a weighted 满意率 numerator need not be. */
export const countText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * "响应率50.00%（按时响应2件，应响应4件），较上月提高1.20个百分点": the rate with what it
 * is made of and, where both rates exist, its change in percentage points.
 */
export function rateClause(key: FigureKey, f: FigureValue, comparisons: Array<{ base: FigureValue; basis: string }> = []): string {
  const parts = FIGURE_PARTS[key];
  if (f.value === null) return REPORT.rateWithoutBase(FIGURE_LABELS[key], parts);
  const changes = comparisons.map((c) => describePointChange(f.value, c.base.value, c.basis)).filter((c): c is string => c !== null);
  return [REPORT.rateWithParts(FIGURE_LABELS[key], formatRate(f.value), parts, countText(f.numerator), f.denominator), ...changes].join('，');
}

/** "12345电话3件，占60.00%；网站2件，占40.00%", the largest first and the rest as "其他". */
export function sliceList(slices: VolumeSlice[], max: number): string {
  const shown = slices.slice(0, max).map((s) => `${s.label}${REPORT.count(s.count)}，${REPORT.share(formatRate(s.share))}`);
  const rest = slices.slice(max);
  if (rest.length > 0) {
    const count = rest.reduce((sum, s) => sum + s.count, 0);
    const total = slices.reduce((sum, s) => sum + s.count, 0);
    shown.push(`${REPORT.others}${REPORT.count(count)}，${REPORT.share(formatRate(total === 0 ? null : count / total))}`);
  }
  return shown.join('；');
}
