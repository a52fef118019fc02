/** 行政应诉: lawsuits against the county's organs, their hearings and the heads who appear. */
export { litigationModule } from './module.js';
export { litigationCaseType, LITIGATION_CASE_TYPE, LITIGATION_MODULE } from './litigation-case-type.js';
export { recordLawsuit, type LawsuitInput } from './operations/record-lawsuit.js';
export { litigationCases, litigationHearings } from './litigation.tables.js';
export { litigationPlugin } from './litigation.plugin.js';
