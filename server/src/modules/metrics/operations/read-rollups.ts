import type { DateRange } from '../../../../../contracts/statistics.js';
import type { Database } from '../../../platform/db/database.js';
import type { UnitRow } from '../../orgs/index.js';
import { COUNT_KEYS, addCounts, zeroCounts, type FigureCounts } from '../rules/figures.js';

/**
 * Which received requests belong to a unit (the `scope` of hotline_daily_volume):
 * every request for the top government and the hotline center, a township's own by its
 * region code, a district's by prefix. Departments receive nothing by place: their
 * volume is what was dispatched to them.
 */
export type VolumeScope = { kind: 'all' } | { kind: 'exact'; code: string } | { kind: 'prefix'; code: string } | null;

export function volumeScopeOf(unit: Pick<UnitRow, 'kind' | 'regionCode' | 'parentId'>): VolumeScope {
  if (unit.kind === 'center' || (unit.kind === 'government' && unit.parentId === null)) return { kind: 'all' };
  if (unit.kind === 'government' && unit.regionCode) return { kind: 'prefix', code: unit.regionCode };
  if ((unit.kind === 'township' || unit.kind === 'community') && unit.regionCode) return { kind: 'exact', code: unit.regionCode };
  return null;
}

/** SQL condition on hotline_daily_volume.scope, with its parameter appended to `params`. */
export function volumeScopeCondition(scope: Exclude<VolumeScope, null>, params: unknown[]): string {
  if (scope.kind === 'all') return `scope = ''`;
  params.push(scope.kind === 'prefix' ? `${scope.code}%` : scope.code);
  return scope.kind === 'prefix' ? `scope like $${params.length} and scope <> ''` : `scope = $${params.length}`;
}

const FIGURE_COLUMNS = COUNT_KEYS.filter((k) => k !== 'requests' && k !== 'merged').map((k) => ({
  key: k,
  column: k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
}));
const SUMS_PER_UNIT = FIGURE_COLUMNS.map((c) => `sum(${c.column}) as ${c.column}`).join(', ');
const SUMS_PER_CHILD = FIGURE_COLUMNS.map((c) => `sum(f.${c.column})::int as "${c.key}"`).join(', ');

/**
 * The daily sums of a unit's subtree over a range, per child of the unit (`byChild`, keyed by
 * child id) and in total. Rows of the unit itself count in the total only. The days are summed
 * per unit first and the scope applied to those sums: filtering the days by a sub-select on the
 * unit tree made the embedded database take seconds over a year, and the city has few units.
 */
export async function readFigureCounts(
  database: Database,
  scope: Pick<UnitRow, 'id' | 'path'>,
  range: DateRange,
): Promise<{ total: FigureCounts; byChild: Map<number, FigureCounts> }> {
  const result = await database.backend.query(
    `select nullif(split_part(substr(u.path, length($1) + 1), '/', 1), '')::int as child, ${SUMS_PER_CHILD}
       from (select unit_id, ${SUMS_PER_UNIT} from hotline_daily_figures where day between $2 and $3 group by unit_id) f
       join units u on u.id = f.unit_id
      where u.path like $1 || '%'
      group by 1`,
    [scope.path, range.from, range.to],
    'object',
  );
  const total = zeroCounts();
  const byChild = new Map<number, FigureCounts>();
  for (const row of result.rows as Array<Record<string, number | null>>) {
    const counts = addCounts(zeroCounts(), numbers(row));
    addCounts(total, counts);
    if (row.child !== null && row.child !== undefined) byChild.set(Number(row.child), counts);
  }
  return { total, byChild };
}

/**
 * Received and merged requests per volume scope key ('' or a township code) over a range.
 * Every scope's daily total comes from one partial index (a city has a few hundred
 * townships), which is cheaper than asking for the wanted ones: prefixes and long OR lists
 * send the planner to the rows of every dimension. `requestCountsIn` picks the wanted ones.
 */
export async function readRequestCounts(database: Database, scopes: VolumeScope[], range: DateRange): Promise<Map<string, { requests: number; merged: number }>> {
  const found = new Map<string, { requests: number; merged: number }>();
  if (scopes.every((s) => s === null)) return found;
  const result = await database.backend.query(
    `select scope, sum(requests)::int as requests, sum(merged)::int as merged from hotline_daily_volume
      where dimension = 'all' and day between $1 and $2
      group by scope`,
    [range.from, range.to],
    'object',
  );
  for (const row of result.rows as Array<{ scope: string; requests: number; merged: number }>) {
    found.set(row.scope, { requests: Number(row.requests), merged: Number(row.merged) });
  }
  return found;
}

/** Sums the request counts that fall in one volume scope. */
export function requestCountsIn(scope: VolumeScope, counts: Map<string, { requests: number; merged: number }>): Pick<FigureCounts, 'requests' | 'merged'> {
  const sum = { requests: 0, merged: 0 };
  if (!scope) return sum;
  for (const [key, c] of counts) {
    const inside = scope.kind === 'all' ? key === '' : scope.kind === 'exact' ? key === scope.code : key !== '' && key.startsWith(scope.code);
    if (inside) {
      sum.requests += c.requests;
      sum.merged += c.merged;
    }
  }
  return sum;
}

function numbers(row: Record<string, number | null>): Partial<FigureCounts> {
  const out: Partial<FigureCounts> = {};
  for (const key of COUNT_KEYS) out[key] = Number(row[key] ?? 0);
  return out;
}
