// `fazhi stats --unit <code> --from <date> --to <date> [--json]` and `fazhi stats verify`.
import { FIGURE_KEYS, FIGURE_LABELS, type RankKey } from '../../../../contracts/metrics.js';
import type { Database } from '../../platform/db/database.js';
import type { UnitRow } from '../orgs/index.js';
import { STATS_CLI_TEXT } from './metrics.strings.js';
import { verifyFigureSources } from '../figures/index.js';
import { compareRollupsWithEvents } from './operations/recompute-from-events.js';
import { describeChange, formatPoints, formatRate } from './rules/figure.js';
import { chinaDate, daysIn, MAX_PERIOD_DAYS, periodFromDates } from './rules/period.js';
import { computeDashboard } from './operations/compute-dashboard.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A unit by its key ("housing", "township:371302001"), its region code, or its number. */
async function findUnitByCode(database: Database, code: string): Promise<UnitRow | null> {
  const result = await database.backend.query(
    `select id, parent_id as "parentId", path, name, short_name as "shortName", kind, key, region_code as "regionCode" from units
      where key = $1 or region_code = $1 or id::text = $1
      order by (key = $1) desc, (kind in ('government', 'township')) desc, id limit 1`,
    [code],
    'object',
  );
  return (result.rows[0] as UnitRow | undefined) ?? null;
}

export async function runStatsCommand(database: Database, args: string[], now: Date): Promise<{ exitCode: number; output: string }> {
  if (args[0] === 'verify') return verify(database, args.includes('--json'));
  const to = option(args, '--to') ?? chinaDate(now);
  const from = option(args, '--from') ?? `${to.slice(0, 7)}-01`;
  const unitCode = option(args, '--unit');
  if (!periodFromDates(from, to) || daysIn({ from, to }) > MAX_PERIOD_DAYS) return { exitCode: 2, output: STATS_CLI_TEXT.badPeriod };
  const root = await database.backend.query(`select id::text as id from units where parent_id is null order by id limit 1`, [], 'object');
  const unit = await findUnitByCode(database, unitCode ?? (root.rows[0] as { id: string } | undefined)?.id ?? '');
  if (!unit) return { exitCode: 2, output: STATS_CLI_TEXT.unknownUnit(unitCode ?? '') };
  const rankBy = (option(args, '--rank-by') ?? 'compositeScore') as RankKey;
  const dashboard = await computeDashboard(database, unit, { from, to }, now, rankBy);
  if (args.includes('--json')) {
    const { byDay: _byDay, ...volume } = dashboard.volume;
    return { exitCode: 0, output: JSON.stringify({ ...dashboard, volume }, null, 2) };
  }
  const lines = [STATS_CLI_TEXT.heading(unit.name, from, to), STATS_CLI_TEXT.volume(dashboard.volume.total.current, describeChange(dashboard.volume.total.changeFromLastYear, STATS_CLI_TEXT.lastYear))];
  for (const key of FIGURE_KEYS) {
    const f = dashboard.figures[key];
    const changes = STATS_CLI_TEXT.figureChanges(formatPoints(f.pointsFromLastYear), formatPoints(f.pointsFromPrevious));
    lines.push(`  ${FIGURE_LABELS[key].padEnd(6, '　')} ${formatRate(f.value).padStart(8)}  (${f.numerator}/${f.denominator})  ${changes}`);
  }
  return { exitCode: 0, output: lines.join('\n') };
}

async function verify(database: Database, json: boolean): Promise<{ exitCode: number; output: string }> {
  const started = Date.now();
  const report = await compareRollupsWithEvents(database);
  // Other modules' figures count their own rows: those rows are checked against the record too.
  const sources = await verifyFigureSources(database);
  const seconds = (Date.now() - started) / 1000;
  const failed = report.differences.length + sources.differences.length;
  if (json) return { exitCode: failed ? 1 : 0, output: JSON.stringify({ ...report, moduleSources: sources, seconds }, null, 2) };
  const lines = [STATS_CLI_TEXT.verified(report.cases, report.events, seconds), STATS_CLI_TEXT.sourcesVerified(sources.modules)];
  for (const d of report.differences.slice(0, 20)) lines.push(STATS_CLI_TEXT.difference(d.table, d.key, JSON.stringify(d.rollup), JSON.stringify(d.events)));
  for (const d of sources.differences.slice(0, 20)) lines.push(STATS_CLI_TEXT.sourceDifference(d.module, d.caseId, d.field, d.detail));
  lines.push(failed ? STATS_CLI_TEXT.verifyFailed(failed) : STATS_CLI_TEXT.verifyOk);
  return { exitCode: failed ? 1 : 0, output: lines.join('\n') };
}
