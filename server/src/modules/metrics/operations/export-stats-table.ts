import type { PassThrough } from 'node:stream';
import type { Dashboard, DrillDownKind } from '../../../../../contracts/statistics.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import type { UnitRow } from '../../orgs/index.js';
import { STATE_LABELS } from '../../requests/index.js';
import { DRILL_DOWN_TITLES, TABLE_TITLES } from '../metrics.strings.js';
import { chinaDate } from '../rules/period.js';
import { drillDownTable, exportFileName, figuresTable, sliceTable, townshipsTable, volumeByDayTable, type StatsTableKey } from '../rules/stats-tables.js';
import { drillDown } from './drill-down.js';
import { xlsxStream } from './write-xlsx.js';

/** Every dashboard table but the ranking, which needs only computeRanking (see the plugin). */
const FROM_DASHBOARD: Record<Exclude<StatsTableKey, 'ranking'>, (d: Dashboard) => PassThrough> = {
  'volume-by-day': (d) => xlsxStream(volumeByDayTable(d)),
  'volume-by-channel': (d) => xlsxStream(sliceTable(d, 'volume-by-channel')),
  'volume-by-type': (d) => xlsxStream(sliceTable(d, 'volume-by-type')),
  'volume-by-category': (d) => xlsxStream(sliceTable(d, 'volume-by-category')),
  'top-categories': (d) => xlsxStream(sliceTable(d, 'top-categories')),
  townships: (d) => xlsxStream(townshipsTable(d)),
  figures: (d) => xlsxStream(figuresTable(d)),
};

export function dashboardTableXlsx(table: Exclude<StatsTableKey, 'ranking'>, dashboard: Dashboard): { fileName: string; body: PassThrough } {
  return { fileName: exportFileName(TABLE_TITLES[table], dashboard.period), body: FROM_DASHBOARD[table](dashboard) };
}

/** Most rows one drill-down export carries; beyond it the sheet says how many were left out. */
export const DRILL_DOWN_EXPORT_LIMIT = 50_000;

/** All requests behind a live count (up to the limit), by the drill-down's own query, as a streamed workbook. */
export async function drillDownXlsx(database: Database, reader: Actor, scope: UnitRow, kind: DrillDownKind, now: Date, limit = DRILL_DOWN_EXPORT_LIMIT): Promise<{ fileName: string; body: PassThrough; rows: number }> {
  const found = await drillDown(database, reader, scope, kind, now, 1, limit);
  const stateLabel = (state: string) => (STATE_LABELS as Record<string, string>)[state] ?? state;
  return {
    fileName: `${DRILL_DOWN_TITLES[kind]}_${chinaDate(now)}.xlsx`,
    body: xlsxStream(drillDownTable(scope.name, kind, now, found, stateLabel)),
    rows: found.rows.length,
  };
}
