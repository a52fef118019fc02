/** Figures of METRICS.md computed from the platform's own records, and their export. */
export { metricsPlugin } from './metrics.plugin.js';
export { computeHotlineFigures, rankBy, FIGURE_KEYS, type FigureKey, type UnitFigures, type Period } from './operations/compute-hotline-figures.js';
export { exportFiguresXlsx } from './operations/export-figures-xlsx.js';
export { figure, formatRate, change, type Figure } from './rules/figure.js';
export { periodFromDates } from './rules/period.js';
