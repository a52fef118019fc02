/**
 * 行政复议 (administrative reconsideration): the conclusion vocabulary of 行政复议法 2023, the
 * import of past years' cases, the case type with its documents and figures, and the recording of applications.
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
  COLUMN_LABELS,
  IMPORT_ERROR_CODES,
  IMPORT_HEADER,
  type ImportColumn,
  type ImportErrorCode,
} from './reconsideration.strings.js';
export { reconsiderationModule } from './module.js';
export { reconsiderationCaseType, RECONSIDERATION_CASE_TYPE, RECONSIDERATION_MODULE } from './reconsideration-case-type.js';
export { recordApplication, type ApplicationInput } from './operations/record-application.js';
export { reconsiderationCases, reconsiderationOpinions } from './reconsideration.tables.js';
export { importReconsiderationCases, type ImportReport } from './operations/import-cases.js';
export { runReconsiderationCommand } from './import-cli.js';
export { reconsiderationPlugin } from './reconsideration.plugin.js';
export { reconsiderationProgress, listPublishedDecisions, readPublishedDecision } from './operations/public-views.js';
