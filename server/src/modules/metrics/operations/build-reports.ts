import type { DateRange } from '../../../../../contracts/statistics.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import type { UnitRow } from '../../orgs/index.js';
import { metricsError } from '../metrics.errors.js';
import { annualReport } from '../rules/annual-report.js';
import { monthlyReport } from '../rules/monthly-report.js';
import { chinaDate, lastYearRange, monthRange, previousRange } from '../rules/period.js';
import type { ReportInput, ReportModel } from '../rules/report-model.js';
import { computeDashboard } from './compute-dashboard.js';
import { placeName } from './public-statistics.js';
import { writeDocx } from './write-docx.js';

export interface BuiltReport {
  model: ReportModel;
  docx: Buffer;
}

/** A period that has begun, cut at today when it has not ended (a report of the month so far). */
function reportRange(range: DateRange, now: Date): DateRange {
  const today = chinaDate(now);
  if (range.from > today) throw metricsError('REPORT_PERIOD_NOT_STARTED');
  return range.to > today ? { from: range.from, to: today } : range;
}

/** The two dashboards a report compares and what to call the unit's area. */
async function reportInput(database: Database, reader: Actor, unit: UnitRow, range: DateRange, baseRange: DateRange, now: Date): Promise<ReportInput> {
  const [dashboard, base, place] = await Promise.all([
    computeDashboard(database, unit, range, now, undefined, reader),
    computeDashboard(database, unit, baseRange, now, undefined, reader),
    placeName(database.db, unit),
  ]);
  return { dashboard, base, place, isArea: unit.regionCode !== null };
}

/** 月报 of a unit for a calendar month (so far, when it is the current one). */
export async function buildMonthlyReport(database: Database, reader: Actor, unit: UnitRow, year: number, month: number, now: Date): Promise<BuiltReport> {
  const range = reportRange(monthRange(year, month), now);
  const model = monthlyReport(await reportInput(database, reader, unit, range, previousRange(range), now));
  return { model, docx: await writeDocx(model) };
}

/** The 接诉即办 part of the annual report for a year (to date, when it is the current one). */
export async function buildAnnualReport(database: Database, reader: Actor, unit: UnitRow, year: number, now: Date): Promise<BuiltReport> {
  const range = reportRange({ from: `${year}-01-01`, to: `${year}-12-31` }, now);
  const model = annualReport(await reportInput(database, reader, unit, range, lastYearRange(range), now));
  return { model, docx: await writeDocx(model) };
}
