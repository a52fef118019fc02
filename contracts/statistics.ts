/**
 * The leaders' view (驾驶舱): what GET /api/stats/* return. Dates are China-time calendar
 * days "YYYY-MM-DD"; periods include both ends. Hotspots come from GET /api/hotspots.
 */
import type { FigureKey, FigureValue, RankKey } from './metrics.js';

export interface DateRange {
  from: string;
  to: string;
}

/**
 * A count compared with the period before (环比) and the same period a year earlier (同比).
 * Changes are (this − base) / base, null where the base is zero (shown "—").
 */
export interface Compared {
  current: number;
  previous: number;
  lastYear: number;
  changeFromPrevious: number | null;
  changeFromLastYear: number | null;
}

/**
 * A rate compared with the same two periods. Its change is in percentage points (百分点), the
 * difference of the two rates as shown (two decimals, half up): 95.24% against 92.89% is 2.35.
 * Null where either rate has no denominator (shown "—").
 */
export interface ComparedFigure extends FigureValue {
  previous: FigureValue;
  lastYear: FigureValue;
  pointsFromPrevious: number | null;
  pointsFromLastYear: number | null;
}

export interface StatsUnit {
  unitId: number;
  name: string;
  kind: string;
  /** Region code of a township or government unit; null for departments. */
  regionCode: string | null;
}

/** One slice of a volume breakdown. */
export interface VolumeSlice {
  key: string;
  label: string;
  count: number;
  /** count / total of the breakdown, null when that is zero. */
  share: number | null;
}

export interface VolumeView {
  /**
   * `received`: requests received (a government unit, the hotline center, or a township by its place);
   * `dispatched`: requests dispatched to the unit or below (a department).
   */
  basis: 'received' | 'dispatched';
  total: Compared;
  byDay: Array<{ date: string; count: number }>;
  byChannel: VolumeSlice[];
  byType: VolumeSlice[];
  /** Level 1 of the taxonomy. */
  byCategory: VolumeSlice[];
  /** The ten largest level-2 categories. */
  topCategories: VolumeSlice[];
}

/** Requests being handled now (not for the period), for drill-down. */
export interface LiveCounts {
  /** Lead dispatches not yet answered. */
  open: number;
  /** Of those, past their limit. */
  overdue: number;
  /** Of those, not overdue but with 80 % or more of the time used (the sweep's warning). */
  dueSoon: number;
  /** Requests received and not yet dispatched or answered (at the hotline center). */
  awaitingDispatch: number;
}

export interface RankingRow {
  unit: StatsUnit;
  rank: number | null;
  /** Composite score (综合得分) of the 三率, 0–100, null when a part is missing. */
  compositeScore: number | null;
  figures: Record<FigureKey, FigureValue>;
  /** Requests received (township) or dispatched (department) in the period. */
  volume: number;
}

export interface Ranking {
  period: DateRange;
  rankBy: RankKey;
  total: RankingRow;
  /** Departments and townships directly under the scope, side by side. */
  rows: RankingRow[];
}

/** One township on the map. */
export interface TownshipCell {
  unit: StatsUnit;
  requests: number;
  open: number;
  overdue: number;
  /** overdue / open, null when nothing is open. */
  overdueShare: number | null;
  /** Position on the schematic grid (no boundary data is shipped). */
  row: number;
  column: number;
}

export interface Dashboard {
  scope: StatsUnit;
  period: DateRange;
  previousPeriod: DateRange;
  lastYearPeriod: DateRange;
  /** When the figures were read (ISO instant). */
  asOf: string;
  volume: VolumeView;
  live: LiveCounts;
  figures: Record<FigureKey, ComparedFigure>;
  ranking: Ranking;
  townships: TownshipCell[];
}

/** GET /api/stats/cases: drill-down from a live count. */
export type DrillDownKind = 'open' | 'overdue' | 'dueSoon' | 'awaitingDispatch';

export interface DrillDownRow {
  caseId: string;
  trackingCode: string;
  title: string;
  unitName: string | null;
  receivedAt: string;
  dueAt: string | null;
  state: string;
}

/** The public statistics page: only the figures the county chose. */
export interface PublicStatistics {
  regionName: string;
  period: DateRange;
  asOf: string;
  requests: Compared | null;
  figures: Partial<Record<FigureKey, ComparedFigure>>;
  byCategory: VolumeSlice[] | null;
  byDay: Array<{ date: string; count: number }> | null;
}

/** What a county publishes (PUT /api/stats/public-settings). */
export interface PublicStatisticsSettings {
  published: boolean;
  figures: FigureKey[];
  showVolume: boolean;
  showCategories: boolean;
  showTrend: boolean;
}
