import type { RankKey } from '../../../../../contracts/metrics.js';
import type { DateRange, Ranking, RankingRow, StatsUnit } from '../../../../../contracts/statistics.js';
import type { Database } from '../../../platform/db/database.js';
import type { UnitRow } from '../../orgs/index.js';
import { hotlineConfig } from '../../requests/index.js';
import { addCounts, compositeScore, figuresFromCounts, rankRows, zeroCounts, type FigureCounts } from '../rules/figures.js';
import { readFigureCounts, readRequestCounts, requestCountsIn, volumeScopeOf } from './read-rollups.js';

/** Kinds ranked side by side under a scope: departments, townships and districts. */
const RANKED_KINDS = ['department', 'township', 'government', 'community', 'grid'];

export const statsUnit = (unit: Pick<UnitRow, 'id' | 'name' | 'kind' | 'regionCode'>): StatsUnit => ({
  unitId: unit.id, name: unit.name, kind: unit.kind, regionCode: unit.regionCode ?? null,
});

/**
 * The METRICS.md figures of a unit and of each unit directly under it, with numerators and
 * denominators, ranked; read from the daily rollups.
 */
export async function computeRanking(database: Database, scope: UnitRow, range: DateRange, rankBy: RankKey = 'compositeScore'): Promise<Ranking> {
  const childrenResult = await database.backend.query(
    `select id, name, kind, region_code as "regionCode", parent_id as "parentId" from units where parent_id = $1 and kind = any($2) order by id`,
    [scope.id, RANKED_KINDS],
    'object',
  );
  const children = childrenResult.rows as Array<Pick<UnitRow, 'id' | 'name' | 'kind' | 'regionCode' | 'parentId'>>;
  const scopeVolume = volumeScopeOf(scope);
  const [figureCounts, requestCounts] = await Promise.all([
    readFigureCounts(database, scope, range),
    readRequestCounts(database, [scopeVolume, ...children.map(volumeScopeOf)], range),
  ]);
  const row = (unit: Pick<UnitRow, 'id' | 'name' | 'kind' | 'regionCode' | 'parentId'>, counts: FigureCounts): RankingRow => {
    const withRequests = addCounts({ ...counts, requests: 0, merged: 0 }, requestCountsIn(volumeScopeOf(unit), requestCounts));
    const figures = figuresFromCounts(withRequests, hotlineConfig().satisfactionWeights);
    return {
      unit: statsUnit(unit),
      rank: null,
      compositeScore: compositeScore(figures),
      figures,
      volume: volumeScopeOf(unit) ? withRequests.requests : withRequests.dispatched,
    };
  };
  const rows = rankRows(children.map((c) => row(c, figureCounts.byChild.get(c.id) ?? zeroCounts())), rankBy);
  return { period: range, rankBy, total: row(scope, figureCounts.total), rows };
}
