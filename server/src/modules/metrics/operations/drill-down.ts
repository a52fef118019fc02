import type { DrillDownKind, DrillDownRow } from '../../../../../contracts/statistics.js';
import type { Database } from '../../../platform/db/database.js';
import type { UnitRow } from '../../orgs/index.js';
import { WARNING_SHARE } from '../../cases/index.js';
import { volumeScopeOf } from './read-rollups.js';

/** Conditions on top of "open"; each names $2, the time now. */
const CONDITIONS: Record<Exclude<DrillDownKind, 'awaitingDispatch' | 'open'>, string> = {
  overdue: 'd.due_at < $2',
  dueSoon: `d.due_at >= $2 and $2 >= d.dispatched_at + (d.due_at - d.dispatched_at) * ${WARNING_SHARE}`,
};

/** The requests behind one live count of the dashboard, the nearest limit first. */
export async function drillDown(database: Database, scope: UnitRow, kind: DrillDownKind, now: Date, page: number, pageSize: number): Promise<{ total: number; rows: DrillDownRow[] }> {
  const offset = (page - 1) * pageSize;
  if (kind === 'awaitingDispatch') {
    const volumeScope = volumeScopeOf(scope);
    if (!volumeScope) return { total: 0, rows: [] };
    const params: unknown[] = [];
    const place = volumeScope.kind === 'all' ? 'true'
      : (params.push(volumeScope.kind === 'prefix' ? `${volumeScope.code}%` : volumeScope.code), 'r.township_code like $1');
    const from = `from cases c join hotline_requests r on r.case_id = c.id
      where c.case_type = 'hotline_request' and c.state in ('received', 'returned') and ${place}`;
    const [count, rows] = await Promise.all([
      database.backend.query(`select count(*)::int as n ${from}`, params, 'object'),
      database.backend.query(
        `select r.case_id as "caseId", r.tracking_code as "trackingCode", coalesce(r.title, left(r.content, 40)) as title, null as "unitName",
           r.received_at as "receivedAt", r.due_at as "dueAt", c.state ${from} order by r.received_at limit ${pageSize} offset ${offset}`,
        params,
        'object',
      ),
    ]);
    return { total: Number((count.rows[0] as { n: number }).n), rows: (rows.rows as RawRow[]).map(toRow) };
  }
  const from = `from hotline_dispatches d join units u on u.id = d.unit_id
      join hotline_requests r on r.case_id = d.case_id join cases c on c.id = d.case_id
     where d.role = 'lead' and d.status in ('pending', 'signed') and u.path like $1 || '%'${kind === 'open' ? '' : ` and ${CONDITIONS[kind]}`}`;
  // PostgreSQL cannot type a parameter no condition uses: `open` passes only the path.
  const params = kind === 'open' ? [scope.path] : [scope.path, now.toISOString()];
  const [count, rows] = await Promise.all([
    database.backend.query(`select count(*)::int as n ${from}`, params, 'object'),
    database.backend.query(
      `select r.case_id as "caseId", r.tracking_code as "trackingCode", coalesce(r.title, left(r.content, 40)) as title, u.name as "unitName",
         r.received_at as "receivedAt", d.due_at as "dueAt", c.state ${from} order by d.due_at, r.received_at limit ${pageSize} offset ${offset}`,
      params,
      'object',
    ),
  ]);
  return { total: Number((count.rows[0] as { n: number }).n), rows: (rows.rows as RawRow[]).map(toRow) };
}

interface RawRow {
  caseId: string;
  trackingCode: string;
  title: string;
  unitName: string | null;
  receivedAt: Date | string;
  dueAt: Date | string | null;
  state: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const toRow = (r: RawRow): DrillDownRow => ({ ...r, receivedAt: iso(r.receivedAt), dueAt: r.dueAt ? iso(r.dueAt) : null });
