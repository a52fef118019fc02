/** 接诉即办: the 12345 request as a case type, its intake, views and routes. */
export { hotlineCaseType, HOTLINE_CASE_TYPE } from './hotline-case-type.js';
export { requestsPlugin, type HotlineIntake } from './requests.plugin.js';
export { categoriesPlugin } from './categories.plugin.js';
export { hotlineModule } from './module.js';
export { hotlineRequests, hotlineDispatches, hotlineEvaluations, hotlineAttachments, hotlineCategories } from './requests.tables.js';
export { hotlineConfig, readTaxonomy, type TaxonomyNode } from './hotline-config.js';
export { prepareRequest, insertRequests, callerKey, IntakeQueue, type SubmitRequestInput, type PreparedRequest } from './operations/submit-request.js';
export { loadReferenceData, type ReferenceData } from './reference-data.js';
export { seedTaxonomy } from './operations/seed-taxonomy.js';
export { requestError } from './requests.errors.js';
export { canSeeRequest, HOTLINE_MODULE } from './requests.access.js';
export { STATE_LABELS, SATISFACTION_LABELS, CENTER_NAME_FALLBACK } from './requests.strings.js';
export { hotlineDueAt, RESPONSE_RULE, URGENT_RESPONSE_RULE } from './rules/due-at.js';
export { newTrackingCode, normaliseTrackingCode } from './rules/tracking-code.js';
export { registerCategorySource, type CategorySource, type CategoryUnits } from './category-sources.js';
