import { useCallback, useMemo } from 'react';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { FIGURE_KEYS, type RankKey } from '../../../../contracts/metrics';
import type { DateRange, DrillDownKind } from '../../../../contracts/statistics';
import type { MapMeasure } from './components/township-map';
import { PERIODS, toDateRange, type PresetKey, type Range } from './periods';

/**
 * What a statistics page shows, kept in its address so a link opens the same view: the unit,
 * the period (a named one such as 本月, which follows the calendar, or fixed dates), and on the
 * 驾驶舱 the ranking key, the map's measure, the open drill-down and the townships walked through.
 */
export interface StatsView {
  unitId: number;
  period: { preset: PresetKey } | DateRange;
  rankBy: RankKey;
  measure: MapMeasure;
  drill: DrillDownKind | null;
  /** Units left by opening a township on the map, for 返回. */
  trail: number[];
}

const RANK_KEYS: readonly RankKey[] = ['compositeScore', ...FIGURE_KEYS];
const MEASURES: readonly MapMeasure[] = ['requests', 'overdueShare'];
const DRILL_KINDS: readonly DrillDownKind[] = ['open', 'overdue', 'dueSoon', 'awaitingDispatch'];
const DEFAULT_PERIOD: PresetKey = 'thisMonth';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;
const unitIdOf = (value: string | null): number | null => {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
};
const isDate = (value: string | null): value is string => value !== null && DATE.test(value) && dayjs(value).format('YYYY-MM-DD') === value;

/** The view an address describes; anything missing or malformed falls back to the default. */
export function parseView(params: URLSearchParams, defaultUnitId: number): StatsView {
  const from = params.get('from');
  const to = params.get('to');
  const preset = params.get('period');
  const period: StatsView['period'] =
    preset !== null && Object.hasOwn(PERIODS, preset) ? { preset: preset as PresetKey }
    : isDate(from) && isDate(to) && from <= to ? { from, to }
    : { preset: DEFAULT_PERIOD };
  return {
    unitId: unitIdOf(params.get('unit')) ?? defaultUnitId,
    period,
    rankBy: oneOf(RANK_KEYS, params.get('rankBy'), 'compositeScore'),
    measure: oneOf(MEASURES, params.get('map'), 'requests'),
    drill: DRILL_KINDS.includes(params.get('drill') as DrillDownKind) ? (params.get('drill') as DrillDownKind) : null,
    trail: (params.get('trail') ?? '').split(',').map(unitIdOf).filter((id): id is number => id !== null),
  };
}

/** The address of a view; defaults are left out, so the plain page address is the default view. */
export function viewParams(view: StatsView, defaultUnitId: number): URLSearchParams {
  const params = new URLSearchParams();
  if (view.unitId !== defaultUnitId) params.set('unit', String(view.unitId));
  if ('preset' in view.period) {
    if (view.period.preset !== DEFAULT_PERIOD) params.set('period', view.period.preset);
  } else {
    params.set('from', view.period.from);
    params.set('to', view.period.to);
  }
  if (view.rankBy !== 'compositeScore') params.set('rankBy', view.rankBy);
  if (view.measure !== 'requests') params.set('map', view.measure);
  if (view.drill) params.set('drill', view.drill);
  if (view.trail.length > 0) params.set('trail', view.trail.join(','));
  return params;
}

/** The days a period covers today. */
export function rangeOf(period: StatsView['period']): Range {
  return 'preset' in period ? PERIODS[period.preset]() : [dayjs(period.from), dayjs(period.to)];
}

/** A range picked on the page: a named period when it is one today (so the link follows it), else its dates. */
export function periodOf(range: Range): StatsView['period'] {
  const dates = toDateRange(range);
  const preset = (Object.keys(PERIODS) as PresetKey[]).find((key) => {
    const named = toDateRange(PERIODS[key]());
    return named.from === dates.from && named.to === dates.to;
  });
  return preset ? { preset } : dates;
}

/** The page's view from its address, and a way to change it (each change is a step back/forward can undo). */
export function useStatsView(defaultUnitId: number): [StatsView, (patch: Partial<StatsView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params, defaultUnitId), [params, defaultUnitId]);
  // From the address as it is now, not as the last render saw it: two changes in a row both stay.
  const update = useCallback(
    (patch: Partial<StatsView>) => setParams(viewParams({ ...parseView(new URLSearchParams(window.location.search), defaultUnitId), ...patch }, defaultUnitId)),
    [setParams, defaultUnitId],
  );
  return [view, update];
}
