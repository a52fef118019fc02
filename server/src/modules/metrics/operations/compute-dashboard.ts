import { FIGURE_KEYS, type FigureKey, type RankKey } from '../../../../../contracts/metrics.js';
import type { Compared, ComparedFigure, Dashboard, DateRange, LiveCounts, TownshipCell, VolumeSlice, VolumeView } from '../../../../../contracts/statistics.js';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import type { UnitRow } from '../../orgs/index.js';
import { visibleCaseCondition } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE, hotlineConfig } from '../../requests/index.js';
import { STATS_TEXT } from '../metrics.strings.js';
import { change, pointChange } from '../rules/figure.js';
import { addCounts, figuresFromCounts, type FigureCounts } from '../rules/figures.js';
import { eachDay, lastYearRange, previousRange } from '../rules/period.js';
import { computeRanking, statsUnit } from './compute-ranking.js';
import { AWAITING_DISPATCH, awaitingPlaceCondition, OPEN_LEAD_DISPATCH, OPEN_WORK_CONDITIONS } from './open-work.js';
import { readFigureCounts, readRequestCounts, requestCountsIn, volumeScopeCondition, volumeScopeOf, type VolumeScope } from './read-rollups.js';

const TOP_CATEGORIES = 10;

/**
 * The 驾驶舱 of one unit for one period: volume, live counts, figures with comparisons, ranking,
 * townships. Counts of requests that name no unit in the scope (those awaiting dispatch) take in
 * only the requests the reader may open, so the count and its drill-down list agree.
 */
export async function computeDashboard(database: Database, scope: UnitRow, range: DateRange, now: Date, rankBy: RankKey = 'compositeScore', reader: Actor = SYSTEM): Promise<Dashboard> {
  const previous = previousRange(range);
  const lastYear = lastYearRange(range);
  const volumeScope = volumeScopeOf(scope);
  const [ranking, previousCounts, lastYearCounts, volume, awaitingDispatch, openWork, placed] = await Promise.all([
    computeRanking(database, scope, range, rankBy),
    scopeCounts(database, scope, volumeScope, previous),
    scopeCounts(database, scope, volumeScope, lastYear),
    volumeScope ? receivedVolume(database, volumeScope, range) : dispatchedVolume(database, scope, range),
    volumeScope ? awaitingDispatchCount(database, volumeScope, reader) : 0,
    openWorkByUnit(database, scope, now),
    townshipVolumes(database, scope, range),
  ]);
  const live = liveCounts(openWork, awaitingDispatch);
  const townships = townshipCells(placed, openWork);
  const weights = hotlineConfig().satisfactionWeights;
  const previousFigures = figuresFromCounts(previousCounts, weights);
  const lastYearFigures = figuresFromCounts(lastYearCounts, weights);
  const figures = Object.fromEntries(FIGURE_KEYS.map((key) => {
    const current = ranking.total.figures[key];
    const compared: ComparedFigure = {
      ...current,
      previous: previousFigures[key],
      lastYear: lastYearFigures[key],
      pointsFromPrevious: pointChange(current.value, previousFigures[key].value),
      pointsFromLastYear: pointChange(current.value, lastYearFigures[key].value),
    };
    return [key, compared];
  })) as Record<FigureKey, ComparedFigure>;
  const basisCount = (counts: FigureCounts) => (volumeScope ? counts.requests : counts.dispatched);
  return {
    scope: statsUnit(scope),
    period: range,
    previousPeriod: previous,
    lastYearPeriod: lastYear,
    asOf: now.toISOString(),
    volume: {
      basis: volumeScope ? 'received' : 'dispatched',
      total: compared(ranking.total.volume, basisCount(previousCounts), basisCount(lastYearCounts)),
      ...volume,
      byDay: fillDays(range, volume.byDay),
    },
    live,
    figures,
    ranking,
    townships,
  };
}

export function compared(current: number, previous: number, lastYear: number): Compared {
  return { current, previous, lastYear, changeFromPrevious: change(current, previous), changeFromLastYear: change(current, lastYear) };
}

/** The sums of the whole scope over a range, with its received requests. */
async function scopeCounts(database: Database, scope: UnitRow, volumeScope: VolumeScope, range: DateRange): Promise<FigureCounts> {
  const [figureCounts, requestCounts] = await Promise.all([readFigureCounts(database, scope, range), readRequestCounts(database, [volumeScope], range)]);
  return addCounts({ ...figureCounts.total, requests: 0, merged: 0 }, requestCountsIn(volumeScope, requestCounts));
}

type Breakdowns = Omit<VolumeView, 'basis' | 'total'>;

/** Received requests by day, channel, type and category, from hotline_daily_volume. */
async function receivedVolume(database: Database, scope: Exclude<VolumeScope, null>, range: DateRange): Promise<Breakdowns> {
  const params: unknown[] = [range.from, range.to];
  const condition = volumeScopeCondition(scope, params);
  const result = await database.backend.query(
    `select case when dimension = 'all' then to_char(day, 'YYYY-MM-DD') else value end as value, dimension, sum(requests)::int as count
       from hotline_daily_volume where day between $1 and $2 and ${condition}
      group by 1, 2`,
    params,
    'object',
  );
  return breakdowns(database, result.rows as Array<{ value: string; dimension: string; count: number }>);
}

/** Requests dispatched to a department (or anything without a place of its own) and below. */
async function dispatchedVolume(database: Database, scope: UnitRow, range: DateRange): Promise<Breakdowns> {
  const result = await database.backend.query(
    `select coalesce(to_char(hotline_day(d.dispatched_at), 'YYYY-MM-DD'), r.channel, r.request_type, left(r.category_code, 2), left(r.category_code, 4)) as value,
        case grouping(hotline_day(d.dispatched_at), r.channel, r.request_type, left(r.category_code, 2), left(r.category_code, 4))
          when 15 then 'all' when 23 then 'channel' when 27 then 'type' when 29 then 'category1' else 'category2' end as dimension,
        count(*)::int as count
       from hotline_dispatches d join units u on u.id = d.unit_id join hotline_requests r on r.case_id = d.case_id
      where d.role = 'lead' and u.path like $1 || '%'
        and d.dispatched_at >= ($2::date::timestamp at time zone 'Asia/Shanghai')
        and d.dispatched_at < (($3::date + 1)::timestamp at time zone 'Asia/Shanghai')
      group by grouping sets ((hotline_day(d.dispatched_at)), (r.channel), (r.request_type), (left(r.category_code, 2)), (left(r.category_code, 4)))`,
    [scope.path, range.from, range.to],
    'object',
  );
  return breakdowns(database, result.rows as Array<{ value: string | null; dimension: string; count: number }>);
}

async function breakdowns(database: Database, rows: Array<{ value: string | null; dimension: string; count: number }>): Promise<Breakdowns> {
  const of = (dimension: string) => rows.filter((r) => r.dimension === dimension).map((r) => ({ key: r.value ?? '', count: Number(r.count) }));
  const channelLabels = new Map(hotlineConfig().channels.map((c) => [c.value, c.label]));
  const categoryNames = await categoryNamesOf(database);
  const slices = (items: Array<{ key: string; count: number }>, label: (key: string) => string): VolumeSlice[] => {
    const total = items.reduce((sum, i) => sum + i.count, 0);
    return items
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .map((i) => ({ key: i.key, label: label(i.key), count: i.count, share: total === 0 ? null : i.count / total }));
  };
  const unclassified = (name: string | undefined) => name ?? UNCLASSIFIED;
  return {
    byDay: of('all').map((d) => ({ date: d.key, count: d.count })).sort((a, b) => a.date.localeCompare(b.date)),
    byChannel: slices(of('channel'), (k) => channelLabels.get(k) ?? k),
    byType: slices(of('type'), (k) => (k === '' ? UNCLASSIFIED : k)),
    byCategory: slices(of('category1'), (k) => unclassified(categoryNames.get(k))),
    topCategories: slices(of('category2'), (k) => unclassified(categoryNames.get(k))).filter((s) => s.key !== '').slice(0, TOP_CATEGORIES),
  };
}

const UNCLASSIFIED = STATS_TEXT.unclassified;

async function categoryNamesOf(database: Database): Promise<Map<string, string>> {
  const result = await database.backend.query(`select code, name from hotline_categories where level <= 2`, [], 'object');
  return new Map((result.rows as Array<{ code: string; name: string }>).map((r) => [r.code, r.name]));
}

function fillDays(range: DateRange, days: Array<{ date: string; count: number }>): Array<{ date: string; count: number }> {
  const counts = new Map(days.map((d) => [d.date, d.count]));
  return eachDay(range).map((date) => ({ date, count: counts.get(date) ?? 0 }));
}

interface OpenWork {
  path: string;
  open: number;
  overdue: number;
  dueSoon: number;
}

/**
 * Lead dispatches being handled now under the scope, per unit: one pass over the
 * open-dispatch index (which holds every column the counts need), shared by the live
 * counts and the township map.
 */
async function openWorkByUnit(database: Database, scope: UnitRow, now: Date): Promise<OpenWork[]> {
  const result = await database.backend.query(
    `select u.path, w.open, w.overdue, w."dueSoon"
       from (select d.unit_id,
                count(*)::int as open,
                count(*) filter (where ${OPEN_WORK_CONDITIONS.overdue})::int as overdue,
                count(*) filter (where ${OPEN_WORK_CONDITIONS.dueSoon})::int as "dueSoon"
               from hotline_dispatches d
              where ${OPEN_LEAD_DISPATCH}
                and d.unit_id in (select id from units where path like $1 || '%')
              group by d.unit_id) w
       join units u on u.id = w.unit_id`,
    [scope.path, now.toISOString()],
    'object',
  );
  return (result.rows as OpenWork[]).map((r) => ({ path: r.path, open: Number(r.open), overdue: Number(r.overdue), dueSoon: Number(r.dueSoon) }));
}

/** Requests not yet dispatched (new or returned to the center) placed under the scope. */
async function awaitingDispatchCount(database: Database, volumeScope: Exclude<VolumeScope, null>, reader: Actor): Promise<number> {
  const params: unknown[] = [];
  const waiting = await database.backend.query(
    `select count(*)::int as n from cases c where ${AWAITING_DISPATCH} and ${awaitingPlaceCondition(volumeScope, params)}
       and ${visibleCaseCondition(HOTLINE_CASE_TYPE, reader, params)}`,
    params,
    'object',
  );
  return Number((waiting.rows[0] as { n: number }).n);
}

/** What is being handled now under the scope (not for the period). */
function liveCounts(openWork: OpenWork[], awaitingDispatch: number): LiveCounts {
  const sum = { open: 0, overdue: 0, dueSoon: 0 };
  for (const unit of openWork) {
    sum.open += unit.open;
    sum.overdue += unit.overdue;
    sum.dueSoon += unit.dueSoon;
  }
  return { ...sum, awaitingDispatch };
}

interface TownshipVolumes {
  townships: Array<Pick<UnitRow, 'id' | 'name' | 'kind' | 'regionCode' | 'parentId' | 'path'>>;
  requests: Map<string, { requests: number; merged: number }>;
}

/** Every township under the scope, with the requests placed in it during the period. */
async function townshipVolumes(database: Database, scope: UnitRow, range: DateRange): Promise<TownshipVolumes> {
  const result = await database.backend.query(
    `select id, name, kind, region_code as "regionCode", parent_id as "parentId", path from units
      where kind = 'township' and path like $1 || '%' order by region_code, id`,
    [scope.path],
    'object',
  );
  const townships = result.rows as TownshipVolumes['townships'];
  const requests = townships.length === 0 ? new Map() : await readRequestCounts(database, townships.map(volumeScopeOf), range);
  return { townships, requests };
}

/** The township map: each township's requests in the period and its open work now, on a schematic grid. */
function townshipCells({ townships, requests }: TownshipVolumes, openWork: OpenWork[]): TownshipCell[] {
  if (townships.length === 0) return [];
  // Townships sit at one depth of the tree: a unit's township is the id at that depth of its path.
  const depth = townships[0]!.path.split('/').length - 2;
  const liveBy = new Map<number, { open: number; overdue: number }>();
  for (const unit of openWork) {
    const township = Number(unit.path.split('/')[depth]);
    if (!Number.isInteger(township)) continue;
    const sum = liveBy.get(township) ?? { open: 0, overdue: 0 };
    sum.open += unit.open;
    sum.overdue += unit.overdue;
    liveBy.set(township, sum);
  }
  const columns = Math.ceil(Math.sqrt(townships.length));
  return townships.map((t, i) => {
    const { open, overdue } = liveBy.get(t.id) ?? { open: 0, overdue: 0 };
    return {
      unit: statsUnit(t),
      requests: requestCountsIn(volumeScopeOf(t), requests).requests,
      open,
      overdue,
      overdueShare: open === 0 ? null : overdue / open,
      row: Math.floor(i / columns),
      column: i % columns,
    };
  });
}
