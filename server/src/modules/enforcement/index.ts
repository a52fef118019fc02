/**
 * 行政执法 (administrative enforcement): the registers, and the 行政处罚 case on them
 * (recordClue opens one; the rest goes through the platform's case routes). Case code calls
 * these, never the module's files: who may act (assertCertifiedOfficers, officerCanAct), on
 * which matter and within which range (findMatter, discretionRangeFor), against whom
 * (findObjectByIdNumber, appendObjectHistory, revealIdNumber). 涉企检查 (plans, 双随机 draws, codes,
 * results) lives in operations/inspections.ts and rules/inspections.ts; 案卷评查 (campaigns,
 * selection, publication) in operations/file-reviews.ts and file-review-case-type.ts.
 */
export { enforcementModule } from './module.js';
export { enforcementPlugin } from './enforcement.plugin.js';
export { runEnforcementCommand } from './enforcement-cli.js';
export { enforcementError } from './enforcement.errors.js';
export { ENFORCEMENT_MODULE, visibleSubjects, visibleSubject, supervises, keepsSubject, type ScopedSubject } from './operations/register-scope.js';
export { assertCertifiedOfficers, officerCanAct, expiringCertificates } from './operations/certified-officers.js';
export { createSubject, updateSubject, listSubjects, type SubjectInput } from './operations/subjects.js';
export { createOfficer, addCertificate, setCertificateStatus, listOfficers, type OfficerInput, type CertificateInput } from './operations/officers.js';
export { registerObject, searchObjects, readObject, appendObjectHistory, findObjectByIdNumber, revealIdNumber, idNumberKey, type ObjectInput, type HistoryEntry } from './operations/objects.js';
export { importMatters, listMatters, readMatter, findMatter, type MatterFile } from './operations/matters.js';
export { discretionRangeFor, benchmarkProblems, type DiscretionRow, type DiscretionRange, type MatterBenchmark } from './rules/discretion.js';
export { certificateAllows, officerMayAct, checkOfficerPair, expiringWithin, type CertificateFacts, type CertificateStatus, type ActRefusal } from './rules/certificates.js';
export { parseMatterRows, type MatterRecord } from './rules/matter-rows.js';
export { ENFORCEMENT_FIELDS, FIELD_KEYS, PENALTY_KINDS, CIRCUMSTANCES, fieldLabel } from './rules/vocabulary.js';
export { MATTER_COLUMNS, MATTER_KINDS, ACT_REFUSAL_LABELS } from './enforcement.strings.js';
export { enforcementSubjects, enforcementOfficers, enforcementCertificates, enforcementObjects, enforcementObjectHistory, enforcementMatters, penaltyCases, penaltyEvidence } from './enforcement.tables.js';
export { PENALTY_CASE_TYPE, penaltyCaseType } from './penalty-case-type.js';
export { recordClue, type ClueInput } from './operations/record-clue.js';
export { listPublishedPenalties, readPublishedPenalty } from './operations/publications.js';
export { inspectionPlans, inspections, inspectionDraws, inspectionSettings } from './enforcement.tables.js';
export { createCampaign, selectFiles, publishCampaign, readCampaign, type ReviewCampaignInput, type FileSelectionInput } from './operations/file-reviews.js';
export { FILE_REVIEW_CASE_TYPE } from './file-review-case-type.js';
export { fileReviews, reviewCampaigns } from './enforcement.tables.js';
export { verifyInspectionCode, inspectionsByEnterprise, yearlyCap } from './operations/inspections.js';
export { drawInspections, inspectionsPerEnterprise, INSPECTION_RULES } from './rules/inspections.js';
export { remindExpiringCertificates, CERTIFICATE_REMINDER_DAYS } from './operations/certificate-reminders.js';
export { CERTIFICATE_EXPIRY_CASE_TYPE } from './certificate-expiry-case-type.js';
export { certificateReminders } from './enforcement.tables.js';
export { createPlan, drawPlan, recordResult } from './operations/inspections.js';
export { appointSupervisor, dismissSupervisor, fileObservation, checkCard, myObservations } from './operations/social-supervisors.js';
export { OBSERVATION_CASE_TYPE } from './observation-case-type.js';
export { socialSupervisors, supervisorObservations } from './enforcement.tables.js';
