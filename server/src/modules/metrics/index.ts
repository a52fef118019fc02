/** Figures of METRICS.md computed from the platform's own records: rollups, dashboard, exports. */
export { metricsPlugin } from './metrics.plugin.js';
export { hotlineDailyFigures, hotlineDailyVolume, publicStatisticsSettings } from './metrics.tables.js';
export { computeRanking, statsUnit } from './operations/compute-ranking.js';
export { computeDashboard, compared } from './operations/compute-dashboard.js';
export { readFigureCounts, readRequestCounts, volumeScopeOf } from './operations/read-rollups.js';
export { recomputeFromEvents, compareRollupsWithEvents, type RollupDifference } from './operations/recompute-from-events.js';
export { exportFiguresXlsx } from './operations/export-figures-xlsx.js';
export { drillDownXlsx } from './operations/export-stats-table.js';
export { figure, formatRate, change, describeChange, type Figure } from './rules/figure.js';
export { figuresFromCounts, compositeScore, rankRows, COUNT_KEYS, FIGURE_KEYS, type FigureCounts } from './rules/figures.js';
export { periodFromDates, previousRange, lastYearRange, chinaDate, type Period } from './rules/period.js';
export { runStatsCommand } from './stats-cli.js';
