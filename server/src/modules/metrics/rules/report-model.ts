import type { Dashboard } from '../../../../../contracts/statistics.js';

/** What a report is made from: two dashboards of the same unit and what to call its area. */
export interface ReportInput {
  dashboard: Dashboard;
  /** The dashboard of `dashboard.previousPeriod` (monthly) or `dashboard.lastYearPeriod` (annual). */
  base: Dashboard;
  /** "兰山区", or the unit's own name when it is not an area. */
  place: string;
  isArea: boolean;
}

/**
 * A report as data: what the pure report rules produce from a Dashboard and what
 * operations/write-docx.ts turns into Word (through platform/docx). Tests read it without opening a .docx.
 */
export interface ChartSeries {
  name: string;
  data: number[];
}

export type ChartSpec =
  | { kind: 'line' | 'bar'; title: string; categories: string[]; series: ChartSeries[]; horizontal?: boolean }
  | { kind: 'pie'; title: string; slices: Array<{ name: string; value: number }> };

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][] }
  | { kind: 'chart'; caption: string; chart: ChartSpec };

export interface ReportModel {
  title: string;
  /** The line under the title: the period covered. */
  subtitle: string;
  fileName: string;
  blocks: ReportBlock[];
}

/** Every sentence of a report, in order, for checks and tests. */
export function reportText(model: ReportModel): string {
  return [model.title, model.subtitle, ...model.blocks.map((b) => (b.kind === 'table' ? [b.caption, ...b.columns, ...b.rows.flat()].join('\n') : b.kind === 'chart' ? b.caption : b.text))].join('\n');
}
