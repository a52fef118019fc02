import { FIGURE_KEYS, type FigureKey } from '../../../../../contracts/metrics.js';
import type { ComparedFigure, Dashboard, DateRange, PublicStatistics, PublicStatisticsSettings } from '../../../../../contracts/statistics.js';

/** Nothing is public until an administrator says so. */
export const UNPUBLISHED: PublicStatisticsSettings = { published: false, figures: [], showVolume: false, showCategories: false, showTrend: false };

const isFigureKey = (key: string): key is FigureKey => (FIGURE_KEYS as readonly string[]).includes(key);

/** Figure keys in a settings body that are not METRICS.md figures. */
export function unknownFigureKeys(keys: readonly string[]): string[] {
  return keys.filter((k) => !isFigureKey(k));
}

/**
 * The settings as stored (jsonb); anything unreadable counts as unpublished and unknown
 * keys are dropped, so a bad row can only ever hide figures, never show one.
 */
export function storedSettings(json: unknown): PublicStatisticsSettings {
  if (!json || typeof json !== 'object') return { ...UNPUBLISHED, figures: [] };
  const s = json as Partial<Record<keyof PublicStatisticsSettings, unknown>>;
  return {
    published: s.published === true,
    figures: Array.isArray(s.figures) ? FIGURE_KEYS.filter((k) => (s.figures as unknown[]).includes(k)) : [],
    showVolume: s.showVolume === true,
    showCategories: s.showCategories === true,
    showTrend: s.showTrend === true,
  };
}

/** The public view of a dashboard: only what the settings publish, nothing about units or open work. */
export function publicView(d: Dashboard, settings: PublicStatisticsSettings, regionName: string): PublicStatistics {
  const figures: Partial<Record<FigureKey, ComparedFigure>> = {};
  for (const key of FIGURE_KEYS) if (settings.figures.includes(key)) figures[key] = d.figures[key];
  return {
    regionName,
    period: d.period,
    asOf: d.asOf,
    requests: settings.showVolume ? d.volume.total : null,
    figures,
    byCategory: settings.showCategories ? d.volume.byCategory : null,
    byDay: settings.showTrend ? d.volume.byDay : null,
  };
}

/** Longest period the public page may ask for. */
export const PUBLIC_MAX_DAYS = 366;

/** The period asked for; by default this year up to today. A `to` after today is cut to today (the future has no figures). */
export function publicRange(today: string, from?: string, to?: string): DateRange {
  const end = to === undefined || to > today ? today : to;
  return { from: from ?? `${today.slice(0, 4)}-01-01`, to: end };
}
