import { FIGURE_KEYS, type FigureKey, type FigureValue } from '../../../../../contracts/metrics.js';
import type { ComparedFigure, Dashboard, DateRange, RankingRow, StatsUnit, TownshipCell, VolumeSlice } from '../../../../../contracts/statistics.js';
import { change, figure, pointChange } from '../rules/figure.js';
import { eachDay, lastYearRange, previousRange } from '../rules/period.js';

/** A figure with every key at the same numerator/denominator, then some overridden. */
export function figures(n: number, d: number, overrides: Partial<Record<FigureKey, [number, number]>> = {}): Record<FigureKey, FigureValue> {
  return Object.fromEntries(FIGURE_KEYS.map((k) => {
    const [num, den] = overrides[k] ?? [n, d];
    return [k, figure(num, den)];
  })) as Record<FigureKey, FigureValue>;
}

const unit = (unitId: number, name: string, kind: string, regionCode: string | null = null): StatsUnit => ({ unitId, name, kind, regionCode });

export function row(u: StatsUnit, rank: number | null, f: Record<FigureKey, FigureValue>, volume: number, compositeScore: number | null = 90): RankingRow {
  return { unit: u, rank, compositeScore, figures: f, volume };
}

const slices = (items: Array<[string, string, number]>): VolumeSlice[] => {
  const total = items.reduce((s, [, , c]) => s + c, 0);
  return items.map(([key, label, count]) => ({ key, label, count, share: total === 0 ? null : count / total }));
};

export interface FabricatedOptions {
  period?: DateRange;
  volume?: [current: number, previous: number, lastYear: number];
  current?: Record<FigureKey, FigureValue>;
  previous?: Record<FigureKey, FigureValue>;
  lastYear?: Record<FigureKey, FigureValue>;
  rows?: RankingRow[];
  categories?: Array<[string, string, number]>;
  overdue?: number;
  basis?: 'received' | 'dispatched';
  scope?: StatsUnit;
}

export const UNITS = {
  county: unit(1, '兰山区人民政府', 'government', '371302'),
  housing: unit(3, '兰山区住房和城乡建设局', 'department'),
  market: unit(4, '兰山区市场监督管理局', 'department'),
  town: unit(20, '兰山街道', 'township', '371302001'),
  village: unit(21, '枣园镇', 'township', '371302101'),
};

/** A county's dashboard whose numbers are easy to find in a report. */
export function fabricatedDashboard(o: FabricatedOptions = {}): Dashboard {
  const period = o.period ?? { from: '2026-03-01', to: '2026-03-31' };
  const [current, previous, lastYear] = o.volume ?? [1200, 1000, 800];
  const now = figures(950, 1000, { responseRate: [980, 1000], returnRate: [30, 1000], repeatRate: [60, 1200] });
  const fig = o.current ?? now;
  const before = o.previous ?? figures(900, 1000);
  const yearAgo = o.lastYear ?? figures(850, 1000);
  const comparedFigures = Object.fromEntries(FIGURE_KEYS.map((k) => {
    const c: ComparedFigure = {
      ...fig[k],
      previous: before[k],
      lastYear: yearAgo[k],
      pointsFromPrevious: pointChange(fig[k].value, before[k].value),
      pointsFromLastYear: pointChange(fig[k].value, yearAgo[k].value),
    };
    return [k, c];
  })) as Record<FigureKey, ComparedFigure>;
  const days = eachDay(period);
  const byDay = days.map((date, i) => ({ date, count: Math.floor(current / days.length) + (i < current % days.length ? 1 : 0) }));
  const rows = o.rows ?? [
    row(UNITS.town, 1, figures(480, 500, { responseRate: [495, 500], returnRate: [10, 500] }), 600, 96),
    row(UNITS.housing, 2, figures(450, 480, { responseRate: [470, 480], satisfactionRate: [330, 400], returnRate: [60, 400] }), 400, 88),
    row(UNITS.market, 3, figures(190, 200, { responseRate: [196, 200], returnRate: [4, 200] }), 200, 85),
    row(UNITS.village, null, figures(0, 0), 0, null),
  ];
  const townships: TownshipCell[] = [
    { unit: UNITS.town, requests: 700, open: 40, overdue: o.overdue ?? 3, overdueShare: (o.overdue ?? 3) / 40, row: 0, column: 0 },
    { unit: UNITS.village, requests: 500, open: 10, overdue: 0, overdueShare: 0, row: 0, column: 1 },
  ];
  return {
    scope: o.scope ?? UNITS.county,
    period,
    previousPeriod: previousRange(period),
    lastYearPeriod: lastYearRange(period),
    asOf: '2026-04-01T02:00:00.000Z',
    volume: {
      basis: o.basis ?? 'received',
      total: { current, previous, lastYear, changeFromPrevious: change(current, previous), changeFromLastYear: change(current, lastYear) },
      byDay,
      byChannel: slices([['phone', '12345电话', Math.round(current * 0.7)], ['web', '网站', current - Math.round(current * 0.7)]]),
      byType: slices([['投诉', '投诉', Math.round(current / 2)], ['咨询', '咨询', current - Math.round(current / 2)]]),
      byCategory: slices(o.categories ?? [['01', '城乡建设', 700], ['02', '市场监管', 500]]),
      topCategories: slices([['0110', '物业服务', 400], ['0205', '消费维权', 300]]),
    },
    live: { open: 50, overdue: o.overdue ?? 3, dueSoon: 7, awaitingDispatch: 4 },
    figures: comparedFigures,
    ranking: { period, rankBy: 'compositeScore', total: row(o.scope ?? UNITS.county, null, fig, current, 91.5), rows },
    townships,
  };
}
