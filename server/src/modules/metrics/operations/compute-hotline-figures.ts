import { FIGURE_KEYS, type FigureKey } from '../../../../../contracts/metrics.js';
import type { Database } from '../../../platform/db/database.js';
import { findUnit } from '../../orgs/index.js';
import { hotlineConfig } from '../../requests/index.js';
import { figure, type Figure } from '../rules/figure.js';

export { FIGURE_KEYS, type FigureKey };

export interface UnitFigures {
  unitId: number;
  unitName: string;
  kind: string;
  rank: number | null;
  figures: Record<FigureKey, Figure>;
}

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

type Counts = Record<string, number>;

// Each row of the queries is attributed to the child of the scope unit it sits under
// ("group"), and to the scope unit itself for the total line.
const GROUP = (pathColumn: string) => `nullif(split_part(substr(${pathColumn}, length($1) + 1), '/', 1), '')::int`;

/**
 * The 接诉即办 figures of METRICS.md for a unit's children and the unit as a whole,
 * each with numerator and denominator, for one period, computed from the rows the
 * case events wrote.
 */
export async function computeHotlineFigures(database: Database, scopeUnitId: number, period: Period, now: Date): Promise<{ total: UnitFigures; rows: UnitFigures[] }> {
  const scope = await findUnit(database.db, scopeUnitId);
  if (!scope) return { total: emptyRow(scopeUnitId, '', 'unknown'), rows: [] };
  const params = [scope.path, period.from.toISOString(), period.to.toISOString(), now.toISOString()];
  const weights = hotlineConfig().satisfactionWeights;
  const queries = {
    dispatch: `
      select ${GROUP('u.path')} as grp,
        count(*) filter (where (d.response_due_at >= $2 and d.response_due_at < $3 and d.response_due_at <= $4) or (d.signed_at >= $2 and d.signed_at < $3)) as response_den,
        count(*) filter (where ((d.response_due_at >= $2 and d.response_due_at < $3 and d.response_due_at <= $4) or (d.signed_at >= $2 and d.signed_at < $3))
                          and d.signed_at <= d.response_due_at and d.contacted_at <= d.response_due_at) as response_num,
        count(*) filter (where (d.replied_at >= $2 and d.replied_at < $3)
                          or (d.due_at >= $2 and d.due_at < $3 and d.due_at <= $4 and d.status not in ('returned', 'withdrawn')
                              and (d.replied_at is null or d.replied_at > d.due_at))) as ontime_den,
        count(*) filter (where d.replied_at >= $2 and d.replied_at < $3 and d.replied_at <= d.due_at) as ontime_num,
        count(*) filter (where d.dispatched_at >= $2 and d.dispatched_at < $3) as return_den,
        count(*) filter (where d.returned_at >= $2 and d.returned_at < $3) as return_num
      from hotline_dispatches d join units u on u.id = d.unit_id
      where d.role = 'lead' and u.path like $1 || '%'
      group by 1`,
    reply: `
      select ${GROUP('u.path')} as grp,
        count(*) as reply_den,
        count(*) filter (where r.reply_text is not null) as reply_num
      from hotline_requests r join units u on u.id = r.replied_by_unit_id
      where r.closed_at >= $2 and r.closed_at < $3 and u.path like $1 || '%'
      group by 1`,
    evaluation: `
      select ${GROUP('u.path')} as grp,
        count(*) as resolution_den,
        count(*) filter (where e.resolved) as resolution_num,
        count(*) filter (where e.satisfaction = 'satisfied') as satisfied,
        count(*) filter (where e.satisfaction = 'basically_satisfied') as basically,
        count(*) as satisfaction_den
      from hotline_evaluations e join units u on u.id = e.unit_id
      where e.at >= $2 and e.at < $3 and u.path like $1 || '%'
      group by 1`,
  };
  const byGroup = new Map<number | null, Counts>();
  for (const sql of Object.values(queries)) {
    // PostgreSQL refuses parameters a statement does not use.
    const used = Math.max(...[...sql.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
    const result = await database.backend.query(sql, params.slice(0, used), 'object');
    for (const row of result.rows as Array<Record<string, number | null>>) {
      const group = row.grp ?? null;
      const counts = byGroup.get(group) ?? {};
      for (const [k, v] of Object.entries(row)) if (k !== 'grp') counts[k] = (counts[k] ?? 0) + Number(v ?? 0);
      byGroup.set(group, counts);
    }
  }
  const children = await database.backend.query(
    `select id, name, kind from units where parent_id = $1 and kind in ('department', 'township', 'community', 'grid') order by id`,
    [scope.id],
    'object',
  );
  const toFigures = (c: Counts): Record<FigureKey, Figure> => ({
    responseRate: figure(c.response_num ?? 0, c.response_den ?? 0),
    onTimeRate: figure(c.ontime_num ?? 0, c.ontime_den ?? 0),
    replyRate: figure(c.reply_num ?? 0, c.reply_den ?? 0),
    resolutionRate: figure(c.resolution_num ?? 0, c.resolution_den ?? 0),
    satisfactionRate: figure((c.satisfied ?? 0) * weights.satisfied + (c.basically ?? 0) * weights.basically_satisfied, c.satisfaction_den ?? 0),
    returnRate: figure(c.return_num ?? 0, c.return_den ?? 0),
  });
  const totals: Counts = {};
  for (const counts of byGroup.values()) for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
  const rows: UnitFigures[] = (children.rows as Array<{ id: number; name: string; kind: string }>).map((u) => ({
    unitId: u.id, unitName: u.name, kind: u.kind, rank: null, figures: toFigures(byGroup.get(u.id) ?? {}),
  }));
  rankBy(rows, 'satisfactionRate');
  return { total: { unitId: scope.id, unitName: scope.name, kind: scope.kind, rank: null, figures: toFigures(totals) }, rows };
}

/** Ranks rows by one figure, highest first; rows without a value are not ranked. */
export function rankBy(rows: UnitFigures[], key: FigureKey): void {
  const ranked = rows.filter((r) => r.figures[key].value !== null).sort((a, b) => b.figures[key].value! - a.figures[key].value!);
  let rank = 0;
  let previous: number | null = null;
  ranked.forEach((row, i) => {
    if (row.figures[key].value !== previous) rank = i + 1;
    previous = row.figures[key].value;
    row.rank = rank;
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitId - b.unitId);
}

function emptyRow(unitId: number, unitName: string, kind: string): UnitFigures {
  const zero = figure(0, 0);
  return { unitId, unitName, kind, rank: null, figures: { responseRate: zero, onTimeRate: zero, replyRate: zero, resolutionRate: zero, satisfactionRate: zero, returnRate: zero } };
}
