/**
 * 行政复议 (administrative reconsideration): the conclusion vocabulary of 行政复议法 2023, the
 * pure half of `fazhi xzfy import` (issue 13) and the METRICS.md figures (纠错率). The case
 * type, tables, routes and CLI come later and extend this door.
 */
export {
  DECISION_KEYS,
  decisionByKey,
  decisionByValue,
  listDecisions,
  type Decision,
  type DecisionKey,
  type DecisionKind,
} from './rules/decisions.js';
export {
  IMPORT_LIMITS,
  parseReconsiderationImport,
  type ImportError,
  type ImportInput,
  type ImportResult,
  type ImportRow,
} from './rules/import-rows.js';
export {
  averageDays,
  percentRate,
  reconsiderationFigures,
  type AverageDays,
  type CaseFacts,
  type FigurePeriod,
  type Rate,
  type ReconsiderationFigures,
} from './rules/figures.js';
export {
  COLUMN_LABELS,
  IMPORT_ERROR_CODES,
  IMPORT_HEADER,
  type ImportColumn,
  type ImportErrorCode,
} from './reconsideration.strings.js';
