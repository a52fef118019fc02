/**
 * The case engine: generic workflows, the hash-chained event record, and statutory
 * clocks. Case types (12345 requests, and later enforcement, mediation…) register
 * themselves and never reach into this module's internals.
 */
export { defineCaseType, defineModule, titled, inputFields, withCaseFields, type CaseFields, DEFAULT_ESCALATION, REMINDER_RULE, type ModuleDefinition, type ModuleJob, type ModuleRole, type LinkKind, type ClockDeclaration, type ClockStart, type ClockSubject, type ChoiceOption, type ClockTarget, type EscalationStep, type OpeningClock, type ActionContext, type ActionDefinition, type CaseTypeDefinition, type CaseCitation, type EffectResult, type InputSchema, type LapsedClock, FIELD_KINDS, type FieldKind, type CaseListing, type ListColumn, type ListColumnKind, type ListFilter } from './case-type.js';
export { registerModule, getCaseType, findCaseType, registeredTypes, registeredModules, findModule, findLinkKind, homeRoleModule } from './case-registry.js';
export { rolesIn, holdsRole, actsAs, visibleScopes, type HeldRole } from './operations/module-roles.js';
export { erasePersonalData, eraseExpiredPersonalData, ERASED_EVENT } from './operations/erase-personal-data.js';
export { caseError } from './cases.errors.js';
export { cases, caseEvents, caseClocks, caseClockPauses, caseLinks, caseRequesterKeys } from './cases.tables.js';
export { proveRequester, storeRequesterKeys } from './operations/requester-keys.js';
export { newRequesterKey, normaliseRequesterKey, MAX_KEY_FAILURES } from './rules/requester-key.js';
export { GENESIS_HASH, eventHash } from './event-chain.js';
export { openCase, openCases, type OpenCaseInput } from './operations/open-case.js';
export { citeCase } from './operations/cite-case.js';
export { linkCases, listCaseLinks, type CaseLinkView, type LinkCasesInput } from './operations/case-links.js';
export { recordCaseEvent, type RecordCaseEventInput } from './operations/record-case-event.js';
export { performAction, type PerformActionInput, type PerformActionResult } from './operations/perform-action.js';
export { verifyAudit, type AuditReport, type AuditFinding, type FindingReason } from './operations/verify-audit.js';
export { ensureFirstCheckpoint, makeCheckpoint, latestCheckpoint, type Checkpoint, type CheckpointOptions } from './operations/audit-checkpoint.js';
export { eventSeal, personalCommitment } from './event-chain.js';
export { casePersonalData, auditCheckpoints, auditSealedHeads } from './cases.tables.js';
export { noticeInTime } from './operations/notice-gate.js';
export { compareRowsWithEvents, type ProjectionEvent } from './operations/projection-rows.js';
export { sweepClocks, SWEEP_RETRY_MS, WARNING_SHARE, type SweepResult } from './operations/sweep-clocks.js';
export { moduleJobRunner, type ModuleJobRunner } from './operations/module-jobs.js';
export { checkAction, availableActions } from './rules/can-perform.js';
export { availableActionsFor } from './operations/available-actions.js';
export { actsForUnit, canSeeCase, visibleCaseCondition, visibleCaseSql } from './operations/case-access.js';
export { listCaseEvents, type CaseEventView } from './operations/list-case-events.js';
export { searchCases, MAX_PAGE, MAX_PAGE_SIZE, type SearchCasesQuery } from './operations/search-cases.js';
export { todoCases, TODO_LIMIT, type TodoQuery } from './operations/todo-cases.js';
export { caseDetail, eventLabel, type CaseDetail, type ClockView, type TimelineEntry } from './operations/case-detail.js';
export { exportCasesXlsx, EXPORT_LIMIT } from './operations/export-cases-xlsx.js';
export type { CaseListItem, CaseClockSummary, CaseSearchQuery } from './operations/case-list-rows.js';
export { clockStatus, type ClockStatus } from './rules/list-values.js';
export { listCaseTypes, type CaseTypeView } from './operations/list-case-types.js';
export { casesPlugin } from './cases.plugin.js';
