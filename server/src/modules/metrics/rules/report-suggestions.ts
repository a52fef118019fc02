import { FIGURE_LABELS } from '../../../../../contracts/metrics.js';
import type { Dashboard, RankingRow } from '../../../../../contracts/statistics.js';
import { chineseNumber, listJoin, SUGGESTIONS, THREE_RATES } from '../reports.strings.js';
import { change, describeChange, formatRate } from './figure.js';

/** When the data says something worth a suggestion. */
export const SUGGESTION_RULES = {
  /** A unit's rate is named only with at least this many in its denominator. */
  minSample: 5,
  /** A unit is named for one of the 三率 only this far (or further) below the whole area: closer is noise. */
  gap: 0.02,
  /** Units named per suggestion. */
  maxUnits: 3,
  /** A category "grows fast" by this share or more … */
  growthShare: 0.2,
  /** … and by at least this many requests (or appears with this many). */
  growthCount: 5,
  maxCategories: 2,
  /** 退单率 from which a unit is named. */
  returnRateFloor: 0.1,
  maxPlaces: 3,
} as const;

export interface SuggestionContext {
  /** "全区" … */
  area: string;
  /** What the previous period is called: "上月", "上期". */
  basis: string;
  /** "截至2026年4月1日10:00". */
  asOf: string;
}

/**
 * 工作建议 from the data, by fixed rules: the units furthest below the whole area (by two
 * points or more) in each of the 三率, the categories that grew most since the previous period, the overdue requests and
 * where they are, the units that return most; "keep it up" when none applies.
 */
export function suggestions(d: Dashboard, previous: Dashboard, ctx: SuggestionContext): string[] {
  const found: Array<(n: string) => string> = [];
  const rated = (row: RankingRow, key: (typeof THREE_RATES)[number]) => row.figures[key].denominator >= SUGGESTION_RULES.minSample && row.figures[key].value !== null;

  for (const key of THREE_RATES) {
    const total = d.ranking.total.figures[key].value;
    if (total === null) continue;
    const weak = d.ranking.rows
      .filter((r) => rated(r, key) && r.figures[key].value! <= total - SUGGESTION_RULES.gap)
      .sort((a, b) => a.figures[key].value! - b.figures[key].value!)
      .slice(0, SUGGESTION_RULES.maxUnits);
    if (weak.length === 0) continue;
    const list = listJoin(weak.map((r) => SUGGESTIONS.unitRate(r.unit.name, formatRate(r.figures[key].value))));
    found.push((n) => SUGGESTIONS.weakUnits(n, FIGURE_LABELS[key], list, ctx.area, formatRate(total)));
  }

  const before = new Map(previous.volume.byCategory.map((s) => [s.key, s.count]));
  const growing = d.volume.byCategory
    .filter((s) => s.key !== '')
    .map((s) => ({ slice: s, base: before.get(s.key) ?? 0 }))
    .filter(({ slice, base }) => {
      const grew = slice.count - base;
      return grew >= SUGGESTION_RULES.growthCount && (base === 0 || grew / base >= SUGGESTION_RULES.growthShare);
    })
    .sort((a, b) => b.slice.count - b.base - (a.slice.count - a.base))
    .slice(0, SUGGESTION_RULES.maxCategories);
  if (growing.length > 0) {
    const list = growing.map(({ slice, base }) =>
      base === 0 ? SUGGESTIONS.newItem(slice.label, slice.count, ctx.basis) : SUGGESTIONS.growingItem(slice.label, slice.count, describeChange(change(slice.count, base), ctx.basis)));
    found.push((n) => SUGGESTIONS.growing(n, list.join('；'), ctx.basis));
  }

  if (d.live.overdue > 0) {
    const places = d.townships
      .filter((t) => t.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue)
      .slice(0, SUGGESTION_RULES.maxPlaces)
      .map((t) => SUGGESTIONS.overduePlace(t.unit.name, t.overdue));
    found.push((n) => SUGGESTIONS.overdue(n, ctx.asOf, d.live.overdue, listJoin(places)));
  }

  const returning = d.ranking.rows
    .filter((r) => r.figures.returnRate.denominator >= SUGGESTION_RULES.minSample && (r.figures.returnRate.value ?? 0) >= SUGGESTION_RULES.returnRateFloor)
    .sort((a, b) => b.figures.returnRate.value! - a.figures.returnRate.value!)
    .slice(0, SUGGESTION_RULES.maxUnits);
  if (returning.length > 0) {
    const list = listJoin(returning.map((r) => SUGGESTIONS.unitRate(r.unit.name, formatRate(r.figures.returnRate.value))));
    found.push((n) => SUGGESTIONS.returns(n, list));
  }

  if (found.length === 0) found.push((n) => SUGGESTIONS.steady(n));
  return found.map((write, i) => write(chineseNumber(i + 1)));
}
