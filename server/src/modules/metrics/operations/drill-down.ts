import type { DrillDownKind, DrillDownRow } from '../../../../../contracts/statistics.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { visibleCaseCondition } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE } from '../../requests/index.js';
import type { UnitRow } from '../../orgs/index.js';
import { AWAITING_DISPATCH, awaitingPlaceCondition, OPEN_LEAD_DISPATCH, OPEN_WORK_CONDITIONS } from './open-work.js';
import { volumeScopeOf } from './read-rollups.js';

/**
 * The requests behind one live count of the dashboard, the nearest limit first; only requests
 * the reader may open. (An open dispatch to a unit of the scope makes its request visible to the
 * reader, whose scope holds the unit; requests awaiting dispatch name no unit and are filtered.)
 */
export async function drillDown(database: Database, reader: Actor, scope: UnitRow, kind: DrillDownKind, now: Date, page: number, pageSize: number): Promise<{ total: number; rows: DrillDownRow[] }> {
  const offset = (page - 1) * pageSize;
  if (kind === 'awaitingDispatch') {
    const volumeScope = volumeScopeOf(scope);
    if (!volumeScope) return { total: 0, rows: [] };
    const params: unknown[] = [];
    const from = `from cases c join hotline_requests r on r.case_id = c.id
      where ${AWAITING_DISPATCH} and ${awaitingPlaceCondition(volumeScope, params)} and ${visibleCaseCondition(HOTLINE_CASE_TYPE, reader, params)}`;
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
     where ${OPEN_LEAD_DISPATCH} and u.path like $1 || '%'${kind === 'open' ? '' : ` and ${OPEN_WORK_CONDITIONS[kind]}`}`;
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
